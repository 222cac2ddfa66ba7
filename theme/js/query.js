// Query handling shared by the procedure search (search.js, /thu-tuc/) and
// the site search (site-search.js, /tim-kiem/). Words are folded exactly as
// plugins/vietnamese/text.py folds them when the indexes are built
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
export function withinOneEdit(a, b) {
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

// The words of a query, each with what the ranking needs: its folded form,
// its marks (diacriticKey), and whether it is a question word, which never
// blocks a match and weighs next to nothing. A word typed without marks that
// only folds like a question word ("thu": thủ or thứ?) is `maybeStop`.
// `last`: the query's last word is still being typed, so it may be a prefix.
export function queryTokens(query, stop, stopFolded) {
  const words = searchWords(query);
  const open = /[\p{L}\p{N}]$/u.test(query);
  return words.map((word, i) => {
    const folded = searchFold(word);
    const marked = fold(word) !== word;
    const isStop = stop.has(word) || (!marked && stopFolded.has(folded));
    const maybeStop = isStop && !stop.has(word);
    return { word, folded, key: diacriticKey(word), marked, stop: isStop, maybeStop, weight: isStop ? 0.1 : 1, last: open && i === words.length - 1 };
  });
}

// The spellings a word may stand for before looking at any index: as typed,
// then as raw Telex or VNI keystrokes.
export function variants(word) {
  const folded = searchFold(word);
  const found = [folded];
  for (const variant of [fromTelex(folded), searchFold(fromVni(word))]) {
    const term = searchFold(variant);
    if (!found.includes(term)) found.push(term);
  }
  return found;
}

// Index terms a query word can stand for, each with how sure the match is.
// vocab: { has(term), terms() — every term that may start like the word,
// ofLength(n) — those of n letters }.
export function termCandidates(word, isLast, vocab) {
  const [folded, ...others] = variants(word);
  if (vocab.has(folded)) return [[folded, 1]];
  const found = new Map();
  for (const term of others) if (vocab.has(term)) found.set(term, 0.95);
  if (found.size) return [...found];
  if (isLast && (folded.length >= 2 || /\d/.test(folded))) {
    for (const term of vocab.terms()) if (term.startsWith(folded)) found.set(term, 0.75);
  }
  if (!found.size && folded.length >= 4) {
    for (const length of [folded.length - 1, folded.length, folded.length + 1]) {
      for (const term of vocab.ofLength(length)) {
        if (length >= 4 && withinOneEdit(folded, term)) found.set(term, 0.55);
      }
    }
  }
  return [...found];
}

// Terms by length, for typo candidates (which differ in length by one at most).
export function byLength(terms) {
  const table = new Map();
  for (const term of terms) {
    if (!table.has(term.length)) table.set(term.length, []);
    table.get(term.length).push(term);
  }
  return table;
}

// ---- Forms and addresses ----------------------------------------------------

// Fill a form's fields from the address (?q=…&type=…).
export function readParams(form, names) {
  const params = new URLSearchParams(location.search);
  for (const name of names) {
    if (params.has(name) && form.elements[name]) form.elements[name].value = params.get(name);
  }
}

// Keep the address in step with the form, without a new history entry per key.
export function syncUrl(form) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (String(value).trim()) params.set(name, value);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}
