import {
  URN,
  asJson,
  asString,
  createUser,
  type Json,
  type ScimRequest,
} from "./provisioning-helpers";

/** A small fixed directory whose attributes make every filter operator discriminate. */
export const PEOPLE = {
  ada: {
    userName: "Ada.Lovelace@example.com",
    externalId: "EXT-ada",
    displayName: "Ada Lovelace",
    name: { givenName: "Ada", familyName: "Lovelace" },
    title: "Mathematician",
    active: true,
    emails: [
      { type: "work", value: "ada@analytical.example", primary: true },
      { type: "home", value: "ada@home.example" },
    ],
    [URN.enterprise]: { department: "Engineering", employeeNumber: "1815" },
  },
  grace: {
    userName: "grace.hopper@example.com",
    externalId: "ext-grace",
    displayName: "Grace Hopper",
    name: { givenName: "Grace", familyName: "Hopper" },
    title: "Rear Admiral",
    active: true,
    emails: [{ type: "work", value: "grace@navy.example", primary: true }],
    [URN.enterprise]: { department: "Navy", employeeNumber: "1906" },
  },
  alan: {
    userName: "alan.turing@example.org",
    externalId: "EXT-alan",
    displayName: "Alan Turing",
    name: { givenName: "Alan", familyName: "Turing" },
    title: "Cryptanalyst",
    active: false,
    emails: [{ type: "home", value: "alan@bletchley.example" }],
    [URN.enterprise]: { department: "Engineering", employeeNumber: "1912" },
  },
  katherine: {
    userName: "katherine.johnson@example.org",
    externalId: "ext-katherine",
    displayName: "Katherine Johnson",
    name: { givenName: "Katherine", familyName: "Johnson" },
    active: true,
    emails: [
      { type: "work", value: "katherine@nasa.example", primary: true },
      { type: "other", value: "kj@analytical.example" },
    ],
    [URN.enterprise]: { department: "Research", employeeNumber: "1918" },
  },
  edsger: {
    userName: "edsger.dijkstra@example.net",
    displayName: "Edsger Dijkstra",
    name: { familyName: "Dijkstra" },
    title: "Professor",
    active: true,
  },
} satisfies Record<string, Json>;

export type Person = keyof typeof PEOPLE;

/** Creation order; each user is written after the clock has passed the previous write. */
export const PERSON_ORDER: Person[] = ["ada", "grace", "alan", "katherine", "edsger"];

export type SeededPerson = { id: string; lastModified: string; created: string };

export function userNamesFor(people: Person[]): string[] {
  return people.map((person) => PEOPLE[person].userName);
}

async function clockPast(instant: string): Promise<void> {
  const targetMs = Date.parse(instant);
  while (Date.now() <= targetMs) await new Promise((resolve) => setImmediate(resolve));
}

export async function seedPeople(request: ScimRequest): Promise<Record<Person, SeededPerson>> {
  const seeded: Partial<Record<Person, SeededPerson>> = {};
  for (const person of PERSON_ORDER) {
    const user = await createUser(request, {
      ...PEOPLE[person],
      schemas: [URN.user, URN.enterprise],
    });
    const meta = asJson(user.meta, "meta");
    const lastModified = asString(meta.lastModified, "meta.lastModified");
    seeded[person] = { id: asString(user.id), lastModified, created: asString(meta.created) };
    await clockPast(lastModified);
  }
  const { ada, grace, alan, katherine, edsger } = seeded;
  if (!ada || !grace || !alan || !katherine || !edsger) throw new Error("Seeding was incomplete");
  return { ada, grace, alan, katherine, edsger };
}
