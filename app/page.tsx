export default function HomePage() {
  return (
    <main className="placeholder">
      <h1>Roster</h1>
      <p>
        The SCIM 2.0 endpoint is served at <code>/scim/v2</code>. Create a directory and a token
        with <code>npm run -s cli -- directory create --name Acme --provider entra</code>.
      </p>
    </main>
  );
}
