// The organisations a VuS member may represent. The agreement's parties ("Undertecknande parter ...
// Region Västmanland och varje enskild kommun i Västmanlands län", section Parter), and those it says
// a VuS group invites ("Berörda intresseorganisationer och samordningsförbundet ska bjudas in ...
// till exempel Försäkringskassan, Arbetsförmedlingen ... personligt ombud", section Lokal samverkan;
// NSPH-V took part in writing it, section Framtagande). Not free text: the representation check and
// the evaluation's organisation type are read from it.

export const REGION = "Region Västmanland";

/** The county's ten municipalities, parties to the agreement. */
export const MUNICIPALITIES = [
  "Arboga",
  "Fagersta",
  "Hallstahammar",
  "Kungsör",
  "Köping",
  "Norberg",
  "Sala",
  "Skinnskatteberg",
  "Surahammar",
  "Västerås",
] as const;

/** Invited organisations the agreement names for the VuS groups. */
export const INVITED = [
  "NSPH Västmanland (intresseorganisation)",
  "Annan brukar- eller intresseorganisation",
  "Samordningsförbund",
  "Försäkringskassan",
  "Arbetsförmedlingen",
  "Personligt ombud",
] as const;

/** Every organisation a member may choose, parties first. */
export const ORGANISATIONS: readonly string[] = [REGION, ...MUNICIPALITIES, ...INVITED];

export const isKnownOrganisation = (name: string): boolean => ORGANISATIONS.includes(name);
