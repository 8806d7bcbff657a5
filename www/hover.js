// The hover card over the analysed page: which block the pointer is on, its
// kind, confidence and every reason. The page's iframe runs no scripts, so
// the listeners live here, in the demo, on the iframe's document.

const MAX_TEXT = 140;

function describe(card, block) {
  card.replaceChildren();
  const head = document.createElement("p");
  head.className = `kind kind-${block.kind}`;
  head.textContent = `${block.kind} · ${Math.round(block.confidence * 100)}% sure`;
  const reasons = document.createElement("ul");
  for (const r of block.reasons) {
    const li = document.createElement("li");
    li.textContent = r.detail;
    li.title = r.code;
    reasons.append(li);
  }
  const text = document.createElement("p");
  text.className = "text";
  text.textContent = block.text.length > MAX_TEXT ? block.text.slice(0, MAX_TEXT) + "…" : block.text;
  card.append(head, reasons, text);
}

/**
 * Shows `card` beside the pointer while it is over one of `blocks`'
 * elements in `iframe`'s document, and marks that block's elements with
 * `data-declutter-hover`. Returns a function that stops it.
 */
export function hoverCards(iframe, blocks, card) {
  const doc = iframe.contentDocument;
  const byElement = new Map();
  for (const b of blocks) for (const el of b.elements) byElement.set(el, b);
  let current = null;

  const mark = (block, on) => {
    for (const el of block.elements) el.toggleAttribute("data-declutter-hover", on);
  };
  const hide = () => {
    if (current) mark(current, false);
    current = null;
    card.hidden = true;
  };
  const move = (e) => {
    let el = e.target.nodeType === 1 ? e.target : e.target.parentElement;
    while (el && !byElement.has(el)) el = el.parentElement;
    if (!el) return hide();
    const block = byElement.get(el);
    if (block !== current) {
      if (current) mark(current, false);
      current = block;
      mark(block, true);
      describe(card, block);
      card.hidden = false;
    }
    // The event's coordinates are the iframe's; the card lives in the demo.
    const frame = iframe.getBoundingClientRect();
    const x = Math.min(frame.left + e.clientX + 14, innerWidth - card.offsetWidth - 8);
    const y = frame.top + e.clientY + 18;
    card.style.left = `${Math.max(8, x)}px`;
    card.style.top = `${y + card.offsetHeight > innerHeight ? y - card.offsetHeight - 28 : y}px`;
  };
  doc.addEventListener("mousemove", move);
  iframe.addEventListener("mouseleave", hide);
  return () => {
    doc.removeEventListener("mousemove", move);
    iframe.removeEventListener("mouseleave", hide);
    hide();
  };
}
