import { USER_SCHEMA } from "../urns";
import { attr, complex, multiValued } from "./define";
import type { SchemaDef } from "./types";

const nameAttribute = complex("name", "The components of the user's real name.", [
  attr("formatted", "string", "The full name, formatted for display."),
  attr("familyName", "string", "The family name of the User."),
  attr("givenName", "string", "The given name of the User."),
  attr("middleName", "string", "The middle name(s) of the User."),
  attr("honorificPrefix", "string", "The honorific prefix(es) of the User."),
  attr("honorificSuffix", "string", "The honorific suffix(es) of the User."),
]);

const addressesAttribute = complex(
  "addresses",
  "A physical mailing address for this User.",
  [
    attr("formatted", "string", "The full mailing address, formatted for display."),
    attr("streetAddress", "string", "The full street address component."),
    attr("locality", "string", "The city or locality component."),
    attr("region", "string", "The state or region component."),
    attr("postalCode", "string", "The zip code or postal code component."),
    attr("country", "string", "The country name component."),
    attr("type", "string", "A label indicating the address's function.", {
      canonicalValues: ["work", "home", "other"],
    }),
    attr("primary", "boolean", "Whether this is the primary address."),
  ],
  { multiValued: true },
);

const groupsAttribute = complex(
  "groups",
  "The groups the user belongs to, computed from group memberships.",
  [
    attr("value", "string", "The identifier of the User's group.", { mutability: "readOnly" }),
    attr("$ref", "reference", "The URI of the Group resource.", {
      mutability: "readOnly",
      referenceTypes: ["Group"],
    }),
    attr("display", "string", "The group's display name.", { mutability: "readOnly" }),
    attr("type", "string", "Whether the membership is direct or indirect.", {
      mutability: "readOnly",
      canonicalValues: ["direct", "indirect"],
    }),
  ],
  { multiValued: true, mutability: "readOnly" },
);

export const USER_SCHEMA_DEF: SchemaDef = {
  id: USER_SCHEMA,
  name: "User",
  description: "User Account",
  attributes: [
    attr("userName", "string", "Unique identifier for the User, unique within the directory.", {
      required: true,
      uniqueness: "server",
    }),
    nameAttribute,
    attr("displayName", "string", "The name of the User, suitable for display to end-users."),
    attr("nickName", "string", "The casual way to address the user."),
    attr("profileUrl", "reference", "A fully qualified URL to the User's online profile.", {
      referenceTypes: ["external"],
    }),
    attr("title", "string", "The user's title, such as Vice President."),
    attr("userType", "string", "The relationship between the organization and the user."),
    attr("preferredLanguage", "string", "The User's preferred written or spoken language."),
    attr("locale", "string", "The User's default location for localization."),
    attr("timezone", "string", "The User's time zone in the Olson time zone database format."),
    attr("active", "boolean", "The User's administrative status."),
    attr("password", "string", "The User's cleartext password, accepted but never returned.", {
      mutability: "writeOnly",
      returned: "never",
    }),
    multiValued("emails", "Email addresses for the user.", ["work", "home", "other"]),
    multiValued("phoneNumbers", "Phone numbers for the User.", [
      "work",
      "home",
      "mobile",
      "fax",
      "pager",
      "other",
    ]),
    multiValued("ims", "Instant messaging addresses for the User.", [
      "aim",
      "gtalk",
      "icq",
      "xmpp",
      "msn",
      "skype",
      "qq",
      "yahoo",
    ]),
    multiValued("photos", "URLs of photos of the User.", ["photo", "thumbnail"], {
      type: "reference",
      referenceTypes: ["external"],
    }),
    addressesAttribute,
    groupsAttribute,
    multiValued("entitlements", "A list of entitlements for the User.", []),
    multiValued("roles", "A list of roles for the User.", []),
    multiValued("x509Certificates", "A list of certificates issued to the User.", [], {
      type: "binary",
    }),
  ],
};
