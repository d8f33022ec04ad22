import { escalationText } from "../../core/strings";
import { askFormData, answerToAskerData, caseCardData, caseListData } from "../../cards/escalation-cards";
import type { EscalationCase } from "../../data/escalation/schema";

const base: EscalationCase = {
  id: "3f2b8c1e-5a4d-4e6f-9b7a-0c1d2e3f4a5b",
  kind: "case",
  ref: "VF-3F2B8C",
  asker: {
    aadObjectId: "00000000-0000-4000-8000-00000000a001",
    name: "Anna Andersson",
    tenantId: "t",
    userId: "29:a",
    serviceUrl: "https://smba.trafficmanager.net/emea/",
  },
  question: "Vem ansvarar för samordningen när en person flyttar mellan två kommuner i länet?",
  botAnswer: escalationText.botAnswer.decline("finns inte i kunskapsbanken"),
  status: "open",
  createdAt: "2026-12-07T09:12:00.000Z",
  updatedAt: "2026-12-07T09:12:00.000Z",
  reviewed: false,
};
const expert = { aadObjectId: "00000000-0000-4000-8000-00000000e001", name: "Eva Expert" };
const answered: EscalationCase = {
  ...base,
  status: "answered",
  assignee: expert,
  answeredBy: expert,
  answer: "Kommunen där personen är folkbokförd ansvarar tills flytten är klar.",
  answeredAt: "2026-12-08T10:00:00.000Z",
  rating: "up",
};

/** Sample data for the escalation templates (cards/escalation-*.json). */
export const escalationCardSamples = {
  "escalation-form": [askFormData(), askFormData("Vem ansvarar för …?")],
  "escalation-case": [
    caseCardData(base, { askedAt: "7 dec. 2026 kl. 10:12" }),
    caseCardData({ ...base, status: "taken", assignee: expert }, { askedAt: "x", notice: "Du har tagit frågan." }),
    caseCardData(base, { askedAt: "x", notice: "För långt.", noticeStyle: "attention", draft: "Ett utkast" }),
    caseCardData(answered, { askedAt: "x", notice: "Svaret är skickat.", noticeStyle: "good" }),
    caseCardData({ ...base, status: "closed", closedBy: expert }, { askedAt: "x" }),
  ],
  "escalation-answer": [answerToAskerData(answered)],
  "escalation-list": [
    caseListData("Öppna frågor", [], escalationText.list.none),
    caseListData(
      "Frågor till Välfärd",
      [
        { case: base, age: "2 arbetsdagar", canReview: false },
        { case: answered, age: "1 arbetsdag", canReview: true },
      ],
      escalationText.list.none,
    ),
  ],
};
