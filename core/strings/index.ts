// Every Swedish user-facing string lives under core/strings/, one module per feature, re-exported here.
// Code, logs and comments stay in English.
export * as botText from "./bot";
export * as qaText from "./qa";
export * as adminText from "./admin";
