// Building DOM nodes without HTML strings: text always goes in as text, never as markup.

// el('a', {href: '#', class: 'x', onclick: fn}, 'text', childNode, ...)
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// A link that runs `action` instead of navigating.
export function actionLink(text, action, attrs = {}) {
  return el('a', {href: '#', ...attrs, onclick: (e) => { e.preventDefault(); action(); }}, text);
}

// Text with the given [begin, end) ranges wrapped in <mark class="...">. Ranges are in
// JavaScript string indices; overlapping ranges keep the first.
export function highlighted(text, ranges) {
  const sorted = ranges.filter((r) => r.end > r.begin).sort((a, b) => a.begin - b.begin);
  const out = [];
  let at = 0;
  for (const r of sorted) {
    if (r.begin < at) continue;
    if (r.begin > at) out.push(text.slice(at, r.begin));
    out.push(el('mark', {class: r.kind, title: r.title}, text.slice(r.begin, r.end)));
    at = r.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
