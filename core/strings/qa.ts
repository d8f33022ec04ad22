// Swedish strings for question answering (dialogs/qa).
export {};
