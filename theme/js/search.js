// Procedure search on /thu-tuc/. The page works without this file: the full
// list and the form are plain HTML. Words are folded exactly as
// plugins/vietnamese/text.py folds them when the index is built
// (tests/vietnamese/search_vectors.json keeps the two in agreement).

const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;
const SYLLABLE_Y = /^(qu|[bcdghklmnprstvx]+)y$/;
const DIGIT_SEPARATOR = /(?<=\d)[.,](?=\d)/g;
const WORD = /[\p{L}\p{N}]+/gu;
const VOWEL = /[aeiouy]/;

export function fold(text) {
  return text.replace(/[đð]/g, "d").replace(/[ĐÐ]/g, "D").normalize("NFD").replace(MARKS, "").normalize("NFC");
}

export function searchFold(word) {
  return fold(word).replace(SYLLABLE_Y, "$1i");
}

export function diacriticKey(word) {
  const marks = [...word.normalize("NFD")].filter((ch) => MARK.test(ch)).sort().join("");
  const strokes = "đ".repeat((word.match(/đ/g) || []).length);
  return `${searchFold(word)}:${strokes}${marks}`;
}

export function searchWords(text) {
  return text.normalize("NFC").toLowerCase().replace(DIGIT_SEPARATOR, "").match(WORD) || [];
}

// Raw Telex keystrokes typed with the input method off: "ddawngj" → "dang".
// A Vietnamese syllable has no s f r x j z after its first vowel, so there
// they can only be tone keys; doubled letters and w are vowel keys.
export function fromTelex(word) {
  const first = word.search(VOWEL);
  if (first < 0) return word;
  let rest = word.slice(first).replace(/[sfrxjz]/g, "");
  rest = rest.replace(/aa|aw/g, "a").replace(/ee/g, "e").replace(/oo|ow/g, "o").replace(/uw/g, "u").replace(/w/g, "");
  return word.slice(0, first).replace(/dd/g, "d") + rest;
}

// Raw VNI keystrokes: digits 1–9 inside a word are marks ("d9a8ng" → "dang").
export function fromVni(word) {
  return /\p{L}/u.test(word) && /[1-9]/.test(word) ? word.replace(/[1-9]/g, "") : word;
}

// True when a and b differ by one edit (substitution, insertion, deletion or
// swap of neighbours); equal words are not typos.
function withinOneEdit(a, b) {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return (
    a.slice(i + 1) === b.slice(i + 1) ||
    a.slice(i + 1) === b.slice(i) ||
    a.slice(i) === b.slice(i + 1) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
  );
}

const FIELD_WEIGHTS = {
  title: 10,
  code: 10,
  keywords: 7,
  synonyms: 6,
  field: 4,
  result: 3,
  online: 1,
  agency: 2,
  documents: 2,
};

// The index plugins/procedure_search/index.py writes: records with named
// keys, empty ones left out; field, level and online are positions in the
// index's tables.
const INDEX_VERSION = 2;

export class ProcedureIndex {
  constructor(data) {
    if (data.v !== INDEX_VERSION) throw new Error(`search index v${data.v}, expected v${INDEX_VERSION}`);
    this.fields = data.fields;
    this.levels = data.levels;
    this.online = data.online;
    this.stop = new Set(data.stop);
    this.stopFolded = new Set(data.stop.map(searchFold));
    this.vocab = new Map();
    this.docs = data.docs.map((record, id) => {
      const online = this.online[record.online] || { value: "", label: "", modifier: "" };
      const doc = {
        ...record,
        id,
        fieldName: this.fields[record.field] ?? "",
        levelName: this.levels[record.level] ?? "",
        onlineValue: online.value,
        onlineLabel: online.label,
        onlineModifier: online.modifier,
      };
      const texts = { ...record, field: doc.fieldName, online: doc.onlineLabel };
      for (const [name, weight] of Object.entries(FIELD_WEIGHTS)) {
        for (const word of searchWords(texts[name] || "")) this.add(searchFold(word), id, weight, diacriticKey(word));
      }
      doc.titleTerms = searchWords(doc.title).map(searchFold);
      doc.phrases = new Set(
        `${record.keywords || ""};${record.synonyms || ""}`
          .split(";")
          .map((p) => searchWords(p).map(searchFold).join(" "))
          .filter(Boolean),
      );
      return doc;
    });
    this.terms = [...this.vocab.keys()];
    // Typo candidates differ in length by one at most: look only there.
    this.byLength = new Map();
    for (const term of this.terms) {
      if (!this.byLength.has(term.length)) this.byLength.set(term.length, []);
      this.byLength.get(term.length).push(term);
    }
  }

  add(term, id, weight, key) {
    let postings = this.vocab.get(term);
    if (!postings) this.vocab.set(term, (postings = new Map()));
    const posting = postings.get(id);
    if (!posting) postings.set(id, { weight, keys: new Set([key]) });
    else {
      posting.weight = Math.max(posting.weight, weight);
      posting.keys.add(key);
    }
  }

  // Index terms a query word can stand for, each with how sure the match is.
  candidates(word, isLast) {
    const folded = searchFold(word);
    if (this.vocab.has(folded)) return [[folded, 1]];
    const found = new Map();
    for (const variant of [fromTelex(folded), searchFold(fromVni(word))]) {
      const term = searchFold(variant);
      if (term !== folded && this.vocab.has(term)) found.set(term, 0.95);
    }
    if (found.size) return [...found];
    if (isLast && (folded.length >= 2 || /\d/.test(folded))) {
      for (const term of this.terms) if (term.startsWith(folded)) found.set(term, 0.75);
    }
    if (!found.size && folded.length >= 4) {
      for (const length of [folded.length - 1, folded.length, folded.length + 1]) {
        for (const term of this.byLength.get(length) || []) {
          if (length >= 4 && withinOneEdit(folded, term)) found.set(term, 0.55);
        }
      }
    }
    return [...found];
  }

  search(query, facets = {}) {
    const words = searchWords(query);
    const open = /[\p{L}\p{N}]$/u.test(query); // still typing the last word
    const scores = new Map();
    const tokens = words.map((word, i) => {
      const folded = searchFold(word);
      const marked = fold(word) !== word;
      const stop = this.stop.has(word) || (!marked && this.stopFolded.has(folded));
      return { word, key: diacriticKey(word), marked, weight: stop ? 0.1 : 1, stop, terms: this.candidates(word, open && i === words.length - 1) };
    });
    const meaningful = tokens.filter((t) => !t.stop).length || tokens.length;
    const phrase = tokens.filter((t) => !t.stop).map((t) => (t.terms[0] || [searchFold(t.word)])[0]).join(" ");
    for (const token of tokens) {
      const best = new Map();
      for (const [term, sureness] of token.terms) {
        const postings = this.vocab.get(term);
        const idf = Math.log(1 + this.docs.length / postings.size);
        for (const [id, posting] of postings) {
          let value = posting.weight * idf * sureness;
          if (token.marked) value *= posting.keys.has(token.key) ? 1.25 : 0.8;
          if (value > (best.get(id) || 0)) best.set(id, value);
        }
      }
      for (const [id, value] of best) {
        const entry = scores.get(id) || { score: 0, matched: 0, terms: new Set() };
        entry.score += value * token.weight;
        if (!token.stop) entry.matched += 1;
        token.terms.forEach(([term]) => entry.terms.add(term));
        scores.set(id, entry);
      }
    }
    const results = [];
    for (const [id, entry] of scores) {
      const doc = this.docs[id];
      if (!this.passes(doc, facets)) continue;
      const coverage = entry.matched / meaningful;
      let score = entry.score * (0.3 + 0.7 * coverage * coverage);
      // Words in the order typed, side by side in the title.
      const title = doc.titleTerms;
      for (let i = 0; i + 1 < tokens.length; i++) {
        const a = tokens[i].terms.map(([t]) => t);
        const b = tokens[i + 1].terms.map(([t]) => t);
        for (let j = 0; j + 1 < title.length; j++) {
          if (a.includes(title[j]) && b.includes(title[j + 1])) {
            score += tokens[i].stop || tokens[i + 1].stop ? 1 : 6;
            break;
          }
        }
      }
      // The query is one of the phrases editors gave for this procedure.
      if (doc.phrases.has(phrase)) score += 12;
      // A title the query covers fully beats a longer one that contains it.
      const inTitle = title.filter((term) => entry.terms.has(term)).length;
      score += 8 * (inTitle / title.length);
      results.push({ doc, score });
    }
    if (!words.length) {
      for (const doc of this.docs) if (this.passes(doc, facets)) results.push({ doc, score: 0 });
      return results.map((r) => r.doc);
    }
    results.sort((x, y) => y.score - x.score || x.doc.id - y.doc.id);
    const top = results.length ? results[0].score : 0;
    return results.filter((r) => r.score >= top * 0.2).map((r) => r.doc);
  }

  passes(doc, facets) {
    return (
      (!facets.field || doc.fieldName === facets.field) &&
      (!facets.level || doc.levelName === facets.level) &&
      (!facets.online || doc.onlineValue === facets.online)
    );
  }
}

// ---- Page behaviour ---------------------------------------------------------

// One result: a copy of the server's markup for a procedure in a list (the
// <template data-result-template> of components/procedure_search.html), its
// slots filled with text only: a title is never parsed as markup.
function resultItem(template, doc) {
  const item = template.content.firstElementChild.cloneNode(true);
  const slot = (name) => item.querySelector(`[data-slot="${name}"]`);
  const link = slot("title");
  link.href = doc.url;
  link.textContent = doc.title;
  // Plain-text slots become the text itself, as the server writes it.
  for (const [name, value] of [["code", doc.code], ["level", doc.levelName], ["field", doc.fieldName]]) {
    slot(name).replaceWith(value || "");
  }
  const label = slot("online");
  if (doc.onlineModifier) label.classList.add(`label--${doc.onlineModifier}`);
  label.textContent = doc.onlineLabel;
  for (const element of item.querySelectorAll("[data-slot]")) element.removeAttribute("data-slot");
  return item;
}

function renderResults(form, index, list, status, fallback) {
  const data = new FormData(form);
  const query = (data.get("q") || "").trim();
  const facets = { field: data.get("field"), level: data.get("level"), online: data.get("online") };
  const active = query || facets.field || facets.level || facets.online;
  fallback.hidden = Boolean(active);
  list.replaceChildren();
  if (!active) {
    status.textContent = "";
    list.hidden = true;
    return;
  }
  const found = index.search(query, facets);
  list.hidden = found.length === 0;
  const template = form.querySelector("[data-result-template]");
  list.append(...found.map((doc) => resultItem(template, doc)));
  const empty = form.querySelector("[data-empty-template]");
  status.replaceChildren();
  if (found.length) {
    status.textContent = `Tìm thấy ${found.length} thủ tục${query ? ` cho “${query}”` : ""}.`;
  } else {
    const message = empty.content.cloneNode(true);
    message.querySelector("[data-query]").textContent = query;
    status.append(message);
  }
}

function syncUrl(form) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (String(value).trim()) params.set(name, value);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

async function start() {
  const form = document.getElementById("procedure-search");
  if (!form) return;
  const list = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const fallback = document.getElementById("procedure-list");
  const params = new URLSearchParams(location.search);
  for (const name of ["q", "field", "level", "online"]) {
    if (params.has(name) && form.elements[name]) form.elements[name].value = params.get(name);
  }
  const response = await fetch(form.dataset.index);
  const index = new ProcedureIndex(await response.json());
  form.classList.add("is-ready");
  let timer;
  const update = () => {
    renderResults(form, index, list, status, fallback);
    syncUrl(form);
  };
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 60);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update();
  });
  renderResults(form, index, list, status, fallback);
}

start();
