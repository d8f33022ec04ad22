// Every Swedish user-facing string lives under core/strings/, one module per feature, re-exported here.
// Code, logs and comments stay in English.
export * as botText from "./bot";
export * as qaText from "./qa";
export * as meetingsText from "./meetings";
export * as evaluationsText from "./evaluations";
export * as adminText from "./admin";
export * as filesText from "./files";
export * as casesText from "./cases";
export * as escalationText from "./escalation";
export * as trustText from "./trust";
