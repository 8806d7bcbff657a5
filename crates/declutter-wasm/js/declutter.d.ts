// Types for the `declutter` package: the ES module `declutter.js` and the
// DOM walker `snapshot.js`; HTML text without a DOM is `declutter/html`
// (html.d.ts).

/** What a block does for the reader. */
export type Kind = "content" | "promo" | "related" | "boilerplate";

/** Stable machine-readable reason codes: one per rule of the classifier (see the README's "Reason codes"). */
export type ReasonCode =
  | "ad-label"
  | "ad-link"
  | "article-body"
  | "article-header"
  | "between-body-parts"
  | "call-to-action"
  | "caption"
  | "class-chrome"
  | "class-negative"
  | "class-promo"
  | "class-related"
  | "credit"
  | "dangling-heading"
  | "dateline"
  | "editorial-teaser"
  | "embed-box"
  | "form"
  | "form-box"
  | "form-signup"
  | "furniture"
  | "governed-by-heading"
  | "heading-chrome"
  | "heading-related"
  | "headline"
  | "headline-link"
  | "hidden"
  | "image-box"
  | "inline-related"
  | "landmark"
  | "link-density"
  | "link-list"
  | "machine-text"
  | "list-box"
  | "outside-body"
  | "post-navigation"
  | "promo-phrase"
  | "promo-section"
  | "short-box"
  | "sponsored-card"
  | "unclassified";

/** Why a block got its kind. */
export interface Reason {
  /** Stable machine-readable code, e.g. `link-density`. */
  code: ReasonCode;
  /** What a person reads, e.g. `link density 0.82`. */
  detail: string;
}

/** What a block is, in plain words for people. "Advertisement" and "Sponsored" only on advertising evidence (an ad label, ad-slot markup, a sponsor or partner disclosure). */
export type Label =
  | "Article"
  | "Advertisement"
  | "Sponsored"
  | "Newsletter sign-up"
  | "Subscription offer"
  | "Donation appeal"
  | "App download"
  | "Share buttons"
  | "Social links"
  | "Promotion"
  | "Related stories"
  | "Most read"
  | "Previous or next article"
  | "Links to other pages"
  | "Navigation"
  | "Page header"
  | "Footer"
  | "Sidebar"
  | "Comments"
  | "Customer reviews"
  | "Cookie notice"
  | "Tags"
  | "About the author"
  | "Photo credit"
  | "Copyright"
  | "Legal notice"
  | "Form"
  | "Other page parts";

/**
 * Which sentence a reason of `why` is, as a stable id: for saying it in
 * another language. The list, with each id's arguments (`"text"`: words
 * of the page; `"count"`: a number), is `src/why-ids.json` in the
 * repository; the browser extension's `_locales` have a message
 * `why_<id>` for each (`why_<id>_one` and `why_<id>_other` where the
 * first argument is a count).
 */
export type WhyId =
  | "links_here_stories"
  | "links_here_pages"
  | "links_away"
  | "links_some_here_stories"
  | "links_some_here_pages"
  | "links_stories"
  | "links_pages"
  | "labelled"
  | "card_labelled"
  | "headed"
  | "says"
  | "link_saying"
  | "under_label"
  | "under_heading"
  | "points_to_story"
  | "line_reading"
  | "credit_line"
  | "marked_ad"
  | "marked_sponsored"
  | "marked_newsletter"
  | "marked_subscription"
  | "marked_donation"
  | "marked_app"
  | "marked_share"
  | "marked_social"
  | "marked_most_read"
  | "marked_related"
  | "marked_navigation"
  | "marked_footer"
  | "marked_page_header"
  | "marked_sidebar"
  | "marked_comments"
  | "marked_reviews"
  | "marked_cookies"
  | "marked_tags"
  | "marked_author"
  | "marked_form"
  | "marked_promotional"
  | "marked_related_few_links"
  | "landmark_navigation"
  | "landmark_footer"
  | "landmark_header"
  | "landmark_sidebar"
  | "landmark_sidebar_links"
  | "landmark_form"
  | "landmark_search"
  | "landmark_dialog"
  | "sign_up_form"
  | "asks_for_email"
  | "promo_section"
  | "editorial_teaser"
  | "ad_server_link"
  | "headline_link"
  | "previous_next"
  | "mostly_links"
  | "machine_text"
  | "site_tool"
  | "hidden"
  | "set_apart"
  | "list_box"
  | "image_box"
  | "form_box"
  | "short_box"
  | "embed"
  | "outside_article"
  | "unclassified"
  | "article_text"
  | "headline"
  | "article_header"
  | "dateline"
  | "caption"
  | "between_parts"
  | "dangling_heading"
  | "kind_content"
  | "kind_promo"
  | "kind_related"
  | "kind_boilerplate";

/** One sentence of `why` as a message: its id and what it quotes or counts, in order (`{id: "labelled", args: ["Advertisement"]}`, `{id: "links_here_stories", args: [6]}`). Quoted words are the page's, cut to 60 characters (then ending in `…`), without quotation marks. */
export interface WhyMessage {
  id: WhyId;
  args: (string | number)[];
}

/** A run of the page's visible text with one kind (from `analyzeHtml` of `declutter/html`). */
export interface BlockData {
  kind: Kind;
  /** What it is, in plain words for people, e.g. `Newsletter sign-up`. */
  label: Label;
  /** Why, in sentences for people (e.g. `labelled 'Advertisement'`, `6 links to other stories on this site`), in English, without codes or confidences; empty for content. */
  why: string[];
  /** The sentences of `why`, one for one, as message ids and arguments, for saying them in another language. */
  whyMessages: WhyMessage[];
  /** How sure the classifier is, 0 to 1. */
  confidence: number;
  /** Strongest first. */
  reasons: Reason[];
  /** Its visible text, white space collapsed. */
  text: string;
}

/** A block of a live document (from `analyze`). */
export interface Block extends BlockData {
  /** The live nodes the block covers, in document order (elements, and text nodes that share their element with another block). */
  nodes: Node[];
  /** The elements among `nodes`: what to outline, collapse or annotate. */
  elements: Element[];
}

/** The article built from the content blocks. */
export interface Article {
  title: string | null;
  byline: string | null;
  /** Publication date as the page gives it (ISO 8601 where known). */
  published: string | null;
  siteName: string | null;
  lang: string | null;
  dir: "ltr" | "rtl" | null;
  excerpt: string | null;
  /** Absolute URL of the lead image. */
  leadImage: string | null;
  /** The body as clean HTML: allowlisted tags and attributes, absolute URLs. */
  contentHtml: string;
  /** The body as plain text, paragraphs separated by blank lines. */
  text: string;
  wordCount: number;
  readingMinutes: number;
}

export interface Options {
  /** The page's address, for resolving relative links; defaults to the document's URL (`analyze`) or none (`analyzeHtml` of `declutter/html`). */
  url?: string;
  /** Whether to read rendered visibility (`checkVisibility`) in a document that has layout; default true. */
  layout?: boolean;
}

/** What kind of page was read: each has its own main content (a thread's posts, a listing's items, a product's description). */
export type PageType = "article" | "forum" | "listing" | "product" | "other";

export interface Analysis<B = Block> {
  blocks: B[];
  article: Article;
  /** What kind of page it is. */
  pageType: PageType;
  /** Why: the evidence for the page type, e.g. `schema.org type CollectionPage`. */
  pageTypeEvidence: string[];
  /** Milliseconds spent: reading the DOM (`read`, absent for HTML text), analysing (`analyze`), `total`. */
  timings: { read?: number; analyze: number; total: number };
}

/** Readability's `parse()` result shape, for a one-line swap. */
export interface ReadabilityResult {
  title: string;
  byline: string | null;
  dir: string | null;
  lang: string | null;
  content: string;
  textContent: string;
  length: number;
  excerpt: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

/** What `annotate` returns: the analysis, and how to take the marks off again. */
export interface Annotation extends Analysis<Block> {
  /** Removes every attribute `annotate` set and restores any it overwrote. */
  undo(): void;
}

/** Loads the wasm once. In browsers it fetches `declutter_core_bg.wasm` beside the module unless given a URL, Response, bytes or `WebAssembly.Module`; in Node it reads the file. Safe to call again. */
export default function init(input?: { module_or_path?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module }): Promise<void>;
export { init };

/** Analyses a small built-in page so the first real analysis (of a DOM, a snapshot, or HTML text through `declutter/html`) does not pay the first-use costs (lazily compiled code, the cue automata's first states). Optional. */
export function warmUp(): void;

/** Splits a live `Document` or `Element` (a page, an iframe's document, a `DOMParser` result) into blocks and builds the article. Changes nothing in the DOM. */
export function analyze(root: Document | Element, options?: Options): Analysis<Block>;
/** Marks each block's elements with `data-declutter-kind` (and `data-declutter-reasons`), for styling or collapsing in CSS. */
export function annotate(root: Document | Element, options?: Options): Annotation;
/** Mozilla Readability's result for `new Readability(doc).parse()`, without changing `doc`; null when the page has no article. */
export function parse(doc: Document | Element, options?: Options): ReadabilityResult | null;

/** A DOM flattened for the core (see `snapshot.js`), e.g. sent from a content script to the extension's own wasm. */
export interface Snapshot {
  /** The op stream (see `snapshot.js`). */
  ops: number[] | Uint32Array;
  /** Every name, attribute and text, joined by U+0000. */
  strings: string;
  /** The page URL. */
  url: string | null;
}
/** A block whose nodes are given as indexes into the snapshot's node list. */
export interface IndexedBlock extends BlockData {
  nodes: number[];
}
/** Options of the DOM walker (`url` is not used). */
export interface SnapshotOptions extends Options {
  /** Most entries of `nodes` (elements and text) the walk may take; past it the walk throws (rejects with) a `SnapshotTooLarge`. Default and most: `CEILINGS.maxNodes`. */
  maxNodes?: number;
  /** Most characters `strings` may hold; past it the same. Default and most: `CEILINGS.maxChars`. */
  maxChars?: number;
  /** Most attributes one element may have; past it the same, before any is read (in Blink, reading an element's attributes costs the square of their number). Default and most: `CEILINGS.maxAttributes`. */
  maxAttributes?: number;
}
/** What a walk past `maxNodes`, `maxChars` or `maxAttributes` throws. */
export interface SnapshotTooLarge extends RangeError {
  /** `maxOps` only from `analyzeSnapshot`. */
  limit: "maxNodes" | "maxChars" | "maxAttributes" | "maxOps";
}
/** The walkers' ceilings whatever the options say (an option above one is lowered to it); `analyzeHtml` (of `declutter/html`) and `analyzeSnapshot` refuse HTML or strings past `maxChars` with a `SnapshotTooLarge` before copying anything into wasm, and more than 2^25 ops (for `analyzeHtml`: a parsed tree that large) the same way. A non-numeric or negative option is a `TypeError`. */
export const CEILINGS: Readonly<{ maxNodes: number; maxChars: number; maxAttributes: number }>;
/** The DOM walker `analyze` uses, for handing a page to wasm running elsewhere (an extension's background): `{ops, strings, nodes, url}`. */
export function snapshot(root: Document | Element, options?: SnapshotOptions): Snapshot & { nodes: Node[] };
/**
 * The same walk in slices of about `sliceMs` milliseconds (default 8), each in a task of its own, so a huge page keeps
 * responding: resolves to exactly what `snapshot` gives for a document that does not change meanwhile. Nodes the page
 * moves or removes before the walk has finished with them are left out, with what follows them under the same parent.
 */
export function snapshotAsync(root: Document | Element, options?: SnapshotOptions & { sliceMs?: number }): Promise<Snapshot & { nodes: Node[] }>;
/** Analyses a snapshot made elsewhere (a content script); nodes come back as indexes into that snapshot's `nodes`. */
export function analyzeSnapshot(snapshot: Snapshot, options?: Options): Analysis<IndexedBlock>;
