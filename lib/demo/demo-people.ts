const GIVEN = [
  "Amara",
  "Bo",
  "Chen",
  "Dara",
  "Elif",
  "Farid",
  "Greta",
  "Hiro",
  "Ines",
  "Jonas",
  "Kemi",
  "Luca",
  "Mina",
  "Nils",
  "Oona",
  "Pia",
  "Quinn",
  "Rafa",
  "Sana",
  "Teo",
  "Uma",
  "Viktor",
  "Wren",
  "Yara",
];
const FAMILY = [
  "Okafor",
  "Lindqvist",
  "Wei",
  "Moreau",
  "Yilmaz",
  "Haddad",
  "Berg",
  "Tanaka",
  "Duarte",
  "Weber",
  "Adeyemi",
  "Romano",
  "Park",
  "Larsen",
  "Virtanen",
  "Novak",
  "Reyes",
  "Costa",
  "Iqbal",
  "Ricci",
  "Devi",
  "Petrov",
  "Hughes",
  "Saleh",
];
const DEPARTMENTS = ["Engineering", "Sales", "Finance", "People", "Support", "Marketing"];
const TITLES = ["Engineer", "Account Executive", "Analyst", "Partner", "Specialist", "Manager"];

export type DemoPerson = {
  given: string;
  family: string;
  email: string;
  department: string;
  title: string;
  employeeNumber: string;
};

/** A fixed cast of people, so two demo runs tell the same story. */
export function demoPeople(domain: string, count: number): DemoPerson[] {
  return Array.from({ length: count }, (_, index) => {
    const given = GIVEN[index % GIVEN.length] ?? "Alex";
    const family = FAMILY[(index * 7) % FAMILY.length] ?? "Doe";
    return {
      given,
      family,
      email: `${given}.${family}@${domain}`.toLowerCase(),
      department: DEPARTMENTS[index % DEPARTMENTS.length] ?? "Engineering",
      title: TITLES[(index * 5) % TITLES.length] ?? "Specialist",
      employeeNumber: String(10_000 + index),
    };
  });
}

export const DEMO_GROUPS = ["All Staff", "Engineering", "Sales EMEA", "Finance Approvers"];
