import { ENTERPRISE_USER_SCHEMA } from "@/lib/scim/urns";
import type { ScimObject } from "@/lib/scim/resource";

const GIVEN = [
  "Ada",
  "Ben",
  "Chloé",
  "Dmitri",
  "Elena",
  "Farah",
  "Gustavo",
  "Hana",
  "Ivan",
  "Jia",
  "Kwame",
  "Leila",
  "Mateo",
  "Nadia",
  "Omar",
  "Priya",
  "Quentin",
  "Rosa",
  "Sven",
  "Tariq",
  "Uma",
  "Viktor",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zoë",
];
const FAMILY = [
  "Okafor",
  "Lindqvist",
  "García",
  "Nakamura",
  "O'Brien",
  "Kowalski",
  "Haddad",
  "Fernandes",
  "Müller",
  "Singh",
  "Chen",
  "Dubois",
  "Rossi",
  "Novak",
  "Andersen",
  "Mensah",
  "Ivanova",
  "Park",
  "Silva",
  "Cohen",
  "Yilmaz",
  "Nguyen",
  "Schmidt",
  "Moreau",
  "Kaur",
  "Tanaka",
];
const DEPARTMENTS = [
  "Engineering",
  "Sales",
  "Finance",
  "Marketing",
  "Support",
  "People",
  "Legal",
  "Operations",
  "Product",
  "Security",
];
const TITLES = [
  "Engineer",
  "Senior Engineer",
  "Account Executive",
  "Analyst",
  "Manager",
  "Director",
  "Specialist",
  "Designer",
  "Consultant",
  "Coordinator",
];

/** A small deterministic generator (mulberry32), so seeded data is the same on every run. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

const asciiFold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-zA-Z]/g, "")
    .toLowerCase();

/** A realistic User in the shape Entra ID and Okta send, with the enterprise extension. */
export function syntheticUser(index: number, random: () => number, domain: string): ScimObject {
  const givenName = pick(GIVEN, random);
  const familyName = pick(FAMILY, random);
  const userName = `${asciiFold(givenName)}.${asciiFold(familyName)}.${index}@${domain}`;
  const department = pick(DEPARTMENTS, random);
  return {
    userName,
    externalId: `ext-${index.toString(36)}-${Math.floor(random() * 1e9).toString(36)}`,
    name: { givenName, familyName, formatted: `${givenName} ${familyName}` },
    displayName: `${givenName} ${familyName}`,
    title: pick(TITLES, random),
    active: random() > 0.08,
    emails: [{ value: userName, type: "work", primary: true }],
    phoneNumbers: [{ value: `+1 555 ${String(index % 10_000).padStart(4, "0")}`, type: "work" }],
    locale: "en-US",
    [ENTERPRISE_USER_SCHEMA]: {
      employeeNumber: String(100_000 + index),
      department,
      costCenter: `CC-${100 + DEPARTMENTS.indexOf(department)}`,
      organization: "Example Corp",
    },
  };
}

export function syntheticGroupName(index: number, random: () => number): string {
  const kind = pick(["Team", "Guild", "Project", "Access", "Rota"], random);
  return `${pick(DEPARTMENTS, random)} ${kind} ${index + 1}`;
}
