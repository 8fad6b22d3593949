/** The completion checklist (questions/checklist.yaml), as the app uses it. */
export interface ChecklistItem {
  /** Stable id; question files link to it and the store keys ticks by it. */
  id: string;
  /** The seed's words. */
  text: string;
  /** What the item means in practice. */
  note: string;
}

export interface ChecklistSection {
  id: string;
  title: string;
  items: ChecklistItem[];
}

export interface Checklist {
  title: string;
  sections: ChecklistSection[];
}

export interface Progress {
  done: number;
  total: number;
  /** 0–1; 0 for an empty section. */
  ratio: number;
}
