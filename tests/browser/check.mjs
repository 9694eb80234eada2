// check.mjs PAGE.html... -- respub's pages in a real browser.
//
// Opens every page in headless Chromium (Debian's /usr/bin/chromium, or
// $CHROMIUM) through playwright-core and prints one line per check,
// "ok - what" or "not ok - what", with "# " detail lines:
//   - no horizontal overflow at 390 px (a phone) and 1280 px (a desktop),
//     and at 320 px (WCAG 1.4.10 reflow: 1280 px at 400 % zoom);
//   - axe-core finds no violation of the WCAG 2.0/2.1/2.2 A and AA rules
//     nor of its best-practice rules (landmarks, heading order, skip link),
//     in light and in dark mode (prefers-color-scheme), at 390 and 1280 px;
//   - keyboard: the first Tab lands on the skip link, visible, and Enter on
//     it moves to <main>; every link is reached by Tab and shows a focus
//     outline when it has the focus;
//   - screen reader: banner, main and contentinfo landmarks, and headings
//     whose accessible name is their text alone (no permalink label);
//   - italics: every <i> whose nearest lang is not Chinese is italic;
//   - print: A4 pages (a PDF from the browser), header, footer, skip link,
//     permalinks, browse links, downloads and back-links hidden, notes kept.
// Pages are opened from file:// with every network request refused.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const axeSource = require("fs").readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const axeVersion = require("axe-core/package.json").version;

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const pages = process.argv.slice(2);
if (pages.length === 0) {
	console.error("usage: check.mjs PAGE.html...");
	process.exit(2);
}

let failed = 0;
const ok = (name) => console.log(`ok - ${name}`);
const notok = (name, details = []) => {
	failed++;
	console.log(`not ok - ${name}`);
	for (const d of details) console.log(`# ${d}`);
};

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--disable-gpu", "--no-sandbox", "--disable-quic",
		"--disable-background-networking", "--disable-component-update",
		"--disable-sync", "--no-first-run"],
});

// One context per page, which refuses the network; widths and colour
// schemes are switched on the same page.
async function open(file) {
	const ctx = await browser.newContext({
		viewport: { width: 1280, height: 900 }, reducedMotion: "reduce",
	});
	await ctx.route(/^(?!file:)/, (route) => route.abort());
	const page = await ctx.newPage();
	const url = pathToFileURL(path.resolve(file)).href;
	await page.goto(url, { waitUntil: "load" });
	return { ctx, page, url };
}

async function overflow(page, width) {
	await page.setViewportSize({ width, height: 900 });
	return page.evaluate(() => {
		const doc = document.documentElement;
		const wide = [];
		for (const el of document.body.querySelectorAll("*")) {
			const b = el.getBoundingClientRect();
			if (b.width > 0 && (b.right > doc.clientWidth + 0.5 || b.left < -0.5)
			    && getComputedStyle(el).position !== "absolute")
				wide.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className ? "." + el.className : ""} right=${Math.round(b.right)}`);
		}
		return { scroll: doc.scrollWidth, client: doc.clientWidth, wide: wide.slice(0, 3) };
	});
}

async function axe(page, width, scheme) {
	await page.setViewportSize({ width, height: 900 });
	await page.emulateMedia({ colorScheme: scheme });
	if (!(await page.evaluate(() => "axe" in window)))
		await page.addScriptTag({ content: axeSource });
	return page.evaluate(async (tags) => {
		const res = await window.axe.run(document, {
			runOnly: { type: "tag", values: tags }, resultTypes: ["violations"],
		});
		return {
			rules: res.passes.length + res.violations.length + res.incomplete.length,
			violations: res.violations.map((v) => ({
				id: v.id, impact: v.impact, help: v.help,
				nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ").slice(0, 200)}`),
			})),
		};
	}, AXE_TAGS);
}

// The first Tab lands on the skip link, on screen; Enter on it and Tab go
// on inside <main>.  Then, from a fresh load, Tab through the page: every
// link gets the focus once and shows it (an outline, fully opaque).
async function keyboard(page, url) {
	const problems = [];
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.emulateMedia({ colorScheme: "light" });
	await page.goto(url);
	await page.keyboard.press("Tab");
	const first = await page.evaluate(() => {
		const a = document.activeElement, b = a.getBoundingClientRect();
		return { cls: a.className, href: a.getAttribute("href"),
			visible: b.width > 0 && b.left >= 0 && b.top >= 0 && b.right <= innerWidth };
	});
	if (first.cls !== "skip") problems.push(`first Tab lands on .${first.cls} ${first.href}, not the skip link`);
	else if (!first.visible) problems.push("the focused skip link is not on screen");
	else {
		await page.keyboard.press("Enter");
		await page.keyboard.press("Tab");
		if (!(await page.evaluate(() => document.querySelector("main").contains(document.activeElement))))
			problems.push("after the skip link, Tab does not continue inside <main>");
	}
	await page.goto("about:blank");
	await page.goto(url);
	const links = await page.evaluate(() => document.querySelectorAll("a[href]").length);
	const seen = new Set();
	for (let i = 0; i < links + 2; i++) {
		await page.keyboard.press("Tab");
		const f = await page.evaluate(() => {
			const a = document.activeElement;
			if (!a || a === document.body) return null;
			const s = getComputedStyle(a);
			let op = 1;
			for (let e = a; e; e = e.parentElement) op *= Number(getComputedStyle(e).opacity);
			return { i: [...document.querySelectorAll("a[href]")].indexOf(a),
				outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 1,
				opacity: op, label: a.getAttribute("href") || a.tagName };
		});
		if (!f) break;
		if (f.i >= 0) seen.add(f.i);
		if (!f.outline) problems.push(`no focus outline on ${f.label}`);
		if (f.opacity < 1) problems.push(`focused ${f.label} has opacity ${f.opacity}`);
		if (problems.length > 5) break;
	}
	if (seen.size !== links) problems.push(`Tab reached ${seen.size} of ${links} links`);
	return { links, problems };
}

// What a screen reader is given: the landmarks (banner, main, contentinfo)
// and headings named by their own text (no permalink label in them).
async function outline(page) {
	const problems = [];
	const snap = await page.locator("body").ariaSnapshot();
	for (const lm of ["banner", "main", "contentinfo"])
		if (!new RegExp(`^\\s*- ${lm}\\b`, "m").test(snap)) problems.push(`no ${lm} landmark`);
	const labels = await page.evaluate(() => [...new Set([...document.querySelectorAll("a.pl")].map((a) => a.getAttribute("aria-label")))]);
	const headings = snap.split("\n").filter((l) => /^\s*- heading /.test(l));
	for (const h of headings)
		if (labels.some((l) => h.includes(l))) problems.push(`heading named with its permalink: ${h.trim().slice(0, 80)}`);
	return { headings: headings.length, problems };
}

// Print: A4 pages, no navigation or permalinks, the notes kept.
async function print(page) {
	const problems = [];
	await page.emulateMedia({ media: "print", colorScheme: "light" });
	const shown = await page.evaluate(() => {
		const d = (sel) => [...document.querySelectorAll(sel)].map((e) => getComputedStyle(e).display);
		return { hidden: d(".site-head, .site-foot, .skip, .pl, .browse, .downloads, .cited-by, .notes .back"),
			notes: d(".notes"), main: d("main") };
	});
	if (shown.hidden.some((x) => x !== "none")) problems.push("navigation, permalinks or downloads are printed");
	if (shown.notes.some((x) => x === "none")) problems.push("the notes are not printed");
	if (shown.main[0] === "none") problems.push("<main> is not printed");
	const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
	const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
	if (boxes.length === 0 || boxes.some((m) => Math.abs(m[1] - 595.3) > 1.5 || Math.abs(m[2] - 841.9) > 1.5))
		problems.push(`pages are not A4: ${boxes.slice(0, 1).map((m) => m[1] + " x " + m[2] + " pt")}`);
	await page.emulateMedia({ media: "screen" });
	return { pages: boxes.length, problems };
}

// Computed style of every <i>: italic unless its own nearest lang is
// Chinese (the English annex inside a Chinese letter keeps italics).
async function italics(page) {
	return page.evaluate(() => {
		// Chinese and Arabic print their openers upright
		// (templates/html.xml); every other <i> is italic.
		const r = { total: 0, upright: 0, roman: [] };
		for (const i of document.querySelectorAll("main i")) {
			const lang = i.closest("[lang]")?.getAttribute("lang") || "";
			const style = getComputedStyle(i).fontStyle;
			if (lang.startsWith("zh") || lang.startsWith("ar")) {
				r.upright++;
				continue;
			}
			r.total++;
			if (style !== "italic" && r.roman.length < 3)
				r.roman.push(`"${i.textContent}" (lang ${lang}) is ${style}`);
		}
		return r;
	});
}

console.log(`# axe-core ${axeVersion}, chromium ${browser.version()}, rules tagged ${AXE_TAGS.join(" ")}`);
for (const file of pages) {
	const name = path.basename(file);
	const { ctx, page, url } = await open(file);
	for (const width of [320, 390, 1280]) {
		const r = await overflow(page, width);
		if (r.scroll <= r.client) ok(`browser: ${name} at ${width} px has no horizontal overflow`);
		else notok(`browser: ${name} at ${width} px has no horizontal overflow`,
			[`page is ${r.scroll} px wide in a ${r.client} px window`, ...r.wide]);
	}
	for (const width of [390, 1280]) {
		for (const scheme of ["light", "dark"]) {
			const what = `axe: ${name} (${width} px, ${scheme})`;
			const r = await axe(page, width, scheme);
			if (r.violations.length === 0) ok(`${what}: no violations in ${r.rules} rules`);
			else notok(`${what}: ${r.violations.length} rules violated`,
				r.violations.flatMap((v) => [`${v.id} (${v.impact}): ${v.help}`,
					...v.nodes.slice(0, 3).map((n) => "  " + n),
					...(v.nodes.length > 3 ? [`  ... ${v.nodes.length - 3} more`] : [])]));
		}
	}
	const k = await keyboard(page, url);
	if (k.problems.length === 0)
		ok(`keyboard: ${name}: skip link first, all ${k.links} links reached by Tab with a visible focus`);
	else notok(`keyboard: ${name}: skip link first, all links reached by Tab with a visible focus`, k.problems);
	const o = await outline(page);
	if (o.problems.length === 0)
		ok(`screen reader: ${name}: banner, main, contentinfo; ${o.headings} headings named by their text`);
	else notok(`screen reader: ${name}: landmarks, headings named by their text`, o.problems);
	const it = await italics(page);
	if (it.total > 0 && it.roman.length === 0)
		ok(`italics: ${name}: all ${it.total} <i> outside Chinese and Arabic text are italic, ${it.upright} in them upright`);
	else if (it.total > 0)
		notok(`italics: ${name}: <i> outside Chinese and Arabic text italic`, it.roman);
	const pr = await print(page);
	if (pr.problems.length === 0)
		ok(`print: ${name}: ${pr.pages} A4 pages, no navigation, notes kept`);
	else notok(`print: ${name}: A4 pages, no navigation, notes kept`, pr.problems);
	await ctx.close();
}
await browser.close();
process.exit(0);
