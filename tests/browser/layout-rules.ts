/**
 * The layout rules every screen size must keep (P12), as functions that run inside the page and return the broken
 * rules in words. They use only the DOM and the stable hooks (roles, accessible names, data-*), and close over
 * nothing, so any driver can run them: Playwright's `page.evaluate(fn, arg)`, Puppeteer's the same, or W3C
 * WebDriver's "execute script" with `return (${fn.toString()})(arguments[0])`.
 */

export interface ScreenSize {
  name: string;
  width: number;
  height: number;
  /** A phone or tablet: mobile emulation with touch. */
  mobile: boolean;
  /** A phone: the viewer may show one image at a time behind a switch naming each series. */
  phone: boolean;
}

export const SCREEN_SIZES: readonly ScreenSize[] = [
  { name: 'phone portrait 360x640', width: 360, height: 640, mobile: true, phone: true },
  { name: 'phone portrait 390x844', width: 390, height: 844, mobile: true, phone: true },
  { name: 'phone landscape 844x390', width: 844, height: 390, mobile: true, phone: true },
  { name: 'tablet portrait 820x1180', width: 820, height: 1180, mobile: true, phone: false },
  { name: 'tablet landscape 1180x820', width: 1180, height: 820, mobile: true, phone: false },
  { name: 'desktop 1440x900', width: 1440, height: 900, mobile: false, phone: false },
];

export interface StepRuleOptions {
  /** The names (data-viewport) of the viewports the step's cue shows. */
  viewports: string[];
  /** A phone may show one image at a time, behind a switch naming each series. */
  phone: boolean;
  /** Narrowest image a viewport may show, in CSS px (the issue says "about 250"). */
  minImageWidth: number;
}

/**
 * The rules of a step that has just arrived: no horizontal page scroll, the page not scrolled, each of the cue's
 * viewports entirely on screen (or, on a phone, hidden behind a visible switch that names its series) and not too
 * narrow, and "Next step" on screen and not covered.
 */
export function stepLayoutProblems(o: StepRuleOptions): string[] {
  const problems: string[] = [];
  const w = window.innerWidth;
  const h = window.innerHeight;
  const root = document.documentElement;
  // A phone lays a page wider than its screen out at that width and zooms out: the window grows past the screen.
  if (w > window.screen.width + 1) problems.push(`the page is laid out ${w} px wide on a ${window.screen.width} px screen`);
  if (root.scrollWidth > w + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide in a ${w} px window`);
  if (window.scrollX !== 0 || window.scrollY !== 0) problems.push(`the page is scrolled to ${window.scrollX}, ${window.scrollY}`);
  const onScreen = (r: DOMRect): boolean => r.left >= -1 && r.top >= -1 && r.right <= w + 1 && r.bottom <= h + 1 && r.width > 0;
  const box = (r: DOMRect): string => `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`;

  const switchGroup = document.querySelector<HTMLElement>('[role="group"][aria-label="Shown viewport"]');
  const switchNames = switchGroup && switchGroup.getClientRects().length > 0 && onScreen(switchGroup.getBoundingClientRect())
    ? [...switchGroup.querySelectorAll('button')].map((b) => b.textContent ?? '')
    : null;
  let shown = 0;
  for (const name of o.viewports) {
    const el = document.querySelector<HTMLElement>(`[role="img"][data-viewport="${name}"]`);
    if (!el) {
      problems.push(`viewport ${name} is missing`);
      continue;
    }
    const r = el.getBoundingClientRect();
    if (el.getClientRects().length === 0) {
      // Hidden: allowed on a phone only, behind a visible switch with a button named after its series.
      const label = el.getAttribute('aria-label') ?? '';
      if (!o.phone) problems.push(`viewport ${name} is hidden`);
      else if (!switchNames) problems.push(`viewport ${name} is hidden and no switch is on screen`);
      else if (!switchNames.some((n) => n.length > 0 && label.startsWith(n))) {
        problems.push(`viewport ${name} ("${label}") is hidden and the switch does not name it (${switchNames.join(' | ')})`);
      }
      continue;
    }
    shown++;
    if (!onScreen(r)) problems.push(`viewport ${name} is not entirely on screen: ${box(r)} in ${w}x${h}`);
    if (r.width < o.minImageWidth) problems.push(`viewport ${name} is ${Math.round(r.width)} px wide`);
  }
  if (o.viewports.length > 0 && shown === 0) problems.push('no viewport is shown');

  const next = [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === 'Next step');
  if (!next || next.getClientRects().length === 0) problems.push('"Next step" is not shown');
  else {
    const r = next.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!onScreen(r)) problems.push(`"Next step" is off screen: ${box(r)} in ${w}x${h}`);
    else if (!hit || !next.contains(hit)) problems.push(`"Next step" is covered by ${hit?.tagName ?? 'nothing'}`);
  }
  return problems;
}

/** Starts watching the window's scroll position (it must not move while the lesson plays). */
export function watchPageScroll(): void {
  const w = window as Window & { __pageScrolls?: string[] };
  w.__pageScrolls = [];
  const start = { x: window.scrollX, y: window.scrollY };
  window.addEventListener('scroll', () => {
    if (window.scrollX !== start.x || window.scrollY !== start.y) w.__pageScrolls?.push(`${window.scrollX},${window.scrollY}`);
  });
}

/** The positions the window scrolled to since `watchPageScroll`, and where it is now if it moved. */
export function pageScrolls(): string[] {
  const seen = (window as Window & { __pageScrolls?: string[] }).__pageScrolls ?? ['(not watched)'];
  return window.scrollX !== 0 || window.scrollY !== 0 ? [...seen, `now ${window.scrollX},${window.scrollY}`] : seen;
}

/**
 * The lesson page's furniture (P13): the header's controls and title each on one line (the title cut with an
 * ellipsis, its full text in its tooltip), the header one row above a phone's width (a phone gives the title a row
 * of its own), the step's title on two lines at most, and the chapter buttons at least 24 px and apart.
 */
export function lessonChromeProblems(): string[] {
  const problems: string[] = [];
  const shown = (el: Element): boolean => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  /** How many lines an element's text runs over: the distinct tops of its text's boxes. */
  const lines = (el: Element): number => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top / 4)));
    return tops.size;
  };
  const header = document.querySelector<HTMLElement>('.lesson-header');
  if (header) {
    for (const el of header.querySelectorAll<HTMLElement>('a, button, h1')) {
      if (!shown(el) || el.matches('.skip-link')) continue;
      const n = lines(el);
      if (n > 1) problems.push(`header: "${el.textContent?.trim()}" wraps over ${n} lines`);
    }
    const h1 = header.querySelector('h1');
    if (h1 && h1.getAttribute('title') !== h1.textContent) problems.push('header: the title has no tooltip with its full text');
    const height = header.getBoundingClientRect().height;
    if (window.innerWidth > 700 && window.innerHeight > 500 && height > 60) problems.push(`header: ${Math.round(height)} px tall`);
  }
  const stepTitle = document.querySelector('.step-controls .step-title');
  if (stepTitle && shown(stepTitle) && lines(stepTitle) > 2) problems.push(`step title: ${lines(stepTitle)} lines`);
  const chapters = [...document.querySelectorAll<HTMLElement>('[aria-label="Chapters"] button')].filter(shown).map((b) => b.getBoundingClientRect());
  chapters.forEach((r, i) => {
    if (r.width < 24 || r.height < 24) problems.push(`chapter ${i + 1}: ${Math.round(r.width)}x${Math.round(r.height)} px`);
    const next = chapters[i + 1];
    if (next && r.right > next.left + 0.5 && r.bottom > next.top + 0.5 && next.bottom > r.top + 0.5) problems.push(`chapters ${i + 1} and ${i + 2} overlap`);
  });
  return problems;
}

/**
 * The viewport overlay's boxes that cover each other, in words: in every shown viewport cell the series name, the
 * top-right lines (modality, zoom), the bottom-left lines (image, location), the window readout and the link
 * buttons ("Unlink", "Share W/L"); and "Return to lesson" against all of them. Text is measured by its glyphs'
 * boxes (a Range), cut to its element's box where the element clips it (an ellipsis).
 */
export function overlayOverlaps(): string[] {
  type Rect = { left: number; top: number; right: number; bottom: number };
  const shown = (el: Element): boolean => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const textBox = (el: Element): Rect | null => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 0) return null;
    const own = el.getBoundingClientRect();
    return {
      left: Math.max(own.left, Math.min(...rects.map((r) => r.left))),
      top: Math.max(own.top, Math.min(...rects.map((r) => r.top))),
      right: Math.min(own.right, Math.max(...rects.map((r) => r.right))),
      bottom: Math.min(own.bottom, Math.max(...rects.map((r) => r.bottom))),
    };
  };
  const meet = (a: Rect, b: Rect): boolean => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const problems: string[] = [];
  const returnButton = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Return to lesson' && shown(b));
  for (const cell of document.querySelectorAll('.viewport-cell')) {
    if (!shown(cell)) continue;
    const name = cell.querySelector('[data-viewport]')?.getAttribute('data-viewport') ?? '?';
    const boxes: { what: string; box: Rect }[] = [];
    for (const [what, selector] of [
      ['series name', '.top-left'],
      ['top-right lines', '.top-right'],
      ['image and location', '.bottom-left'],
      ['W/L readout', '.bottom-right'],
    ] as const) {
      const el = cell.querySelector(selector);
      const box = el && shown(el) ? textBox(el) : null;
      if (box) boxes.push({ what, box });
    }
    for (const b of cell.querySelectorAll('.link-buttons button')) if (shown(b)) boxes.push({ what: `"${b.textContent}"`, box: b.getBoundingClientRect() });
    if (returnButton) boxes.push({ what: '"Return to lesson"', box: returnButton.getBoundingClientRect() });
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) if (meet(a.box, b.box)) problems.push(`${name}: ${a.what} and ${b.what} overlap`);
    });
  }
  return problems;
}
