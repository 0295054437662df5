// The web console in a real browser (Debian's chromium, driven by playwright-core) on the local
// stack: a caseworker signs in with a demo account, registers an arrival through the form (a
// wrong ID check character is refused before anything is sent), finds it in the list, requests
// a supplement, verifies it, and the public check page then says the certificate is valid; the
// county supervisor's dashboard shows the rate it moved; the person, on a phone, sees the case,
// its deadline and who read it; an agency subscribed first and sees its deliveries.
// axe-core checks every screen on the way, and that no raw code of the API (an enum value, a
// workflow state or action) stands as visible text in the zh-CN console; each screen's
// screenshot lands in .tmp/screenshots.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContextOptions, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCertificateNumber, parseCertificateNumber } from '../../core/certificates.ts';
import { checkCharacter } from '../../core/id-number.ts';
import { ensureConsoleBuilt } from '../../local/console.ts';
import { type WebhookReceiver, startWebhookReceiver } from '../../local/webhook-receiver.ts';
import { CONSOLE_SCOPE, type ConsoleConfig } from '../../wiring/console.ts';
import { chromiumPath } from '../../scripts/preflight.ts';
import { rawApiWords } from '../support/api-words.ts';
import { invoke } from '../../local/invoke.ts';
import { statutoryHolidays } from '../../core/statutory-holidays.ts';
import { clockNow, today, useLocalStack } from '../support/local-api.ts';

const local = useLocalStack();
const SHOTS = path.join(process.cwd(), '.tmp', 'screenshots');
let browser: Browser;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver({ secrets: [], respond: (_r, res) => void res.writeHead(204).end() });
  await ensureConsoleBuilt();
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: chromiumPath(process.env), args: ['--no-sandbox'] });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await receiver?.stop();
});

/** A fresh browser session (its own storage) at an office desk or on a phone, in Chinese, without motion. */
/**
 * A browser whose clock reads the stack's (the fixture's instant, running on), as someone at the desk
 * that day sees it: the console's "today" (a registration's arrival date) is the stack's today.
 */
async function browserPage(options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', reducedMotion: 'reduce', ...options });
  await context.clock.install({ time: clockNow() });
  return context.newPage();
}
const desk = (options: BrowserContextOptions = {}) => browserPage({ viewport: { width: 1280, height: 900 }, ...options });
const onPhone = () => browserPage({ viewport: { width: 390, height: 844 } });

/** Polls until the expectation holds, for as long as a screen may take to load. */
const until = <T,>(probe: () => T | Promise<T>) => expect.poll(probe, { timeout: 20_000, interval: 100 });

/** The API's codes: none may stand as visible text on a screen. */
const RAW = rawApiWords();

/**
 * The API's codes among the words a screen shows: its visible text cut at everything but letters,
 * digits, `_`, `-`, `.` and `*` (a file's name, `tenants.csv`, is one word), a word's outer dots dropped.
 */
async function rawWordsShown(page: Page): Promise<string[]> {
  const text = await page.evaluate<string>('document.body.innerText');
  const words = text.split(/[^A-Za-z0-9_.*-]+/).map((word) => word.replace(/^\.+|\.+$/g, ''));
  // An event type is codes too (cn.liudong.registration.verified, registration.*).
  const raw = (word: string) => RAW.has(word) || (word.includes('.') && word.replace(/^cn\.liudong\./, '').split('.').every((part) => RAW.has(part) || part === '*'));
  return [...new Set(words.filter(raw))];
}

/**
 * No serious or critical accessibility violation on the screen as it stands, and no raw code of
 * the API shown (the console speaks its user's language); its screenshot kept.
 */
async function screen(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).analyze();
  const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(grave, name).toEqual([]);
  expect(await rawWordsShown(page), `${name}: the API's codes shown as text`).toEqual([]);
}

/** Every menu entry the header shows lies whole inside the menu and the window (none clipped to a sliver). */
const clippedMenuEntries = (page: Page): Promise<string[]> =>
  page.evaluate(`(() => {
    const menu = document.querySelector('header [role=menu]');
    if (!menu) return ['no menu'];
    const box = menu.getBoundingClientRect();
    const shown = [...menu.children].filter((li) => {
      const style = getComputedStyle(li);
      return style.display !== 'none' && style.opacity !== '0' && style.visibility !== 'hidden';
    });
    if (shown.length === 0) return ['no entry shown'];
    return shown
      .filter((li) => {
        const r = li.getBoundingClientRect();
        return r.width < 24 || r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.right > window.innerWidth + 0.5 || r.left < -0.5;
      })
      .map((li) => (li.textContent || li.getAttribute('aria-label') || li.className).trim());
  })()`);

/**
 * A minimal OpenID provider, as Cognito's hosted UI behaves for the console: discovery, an authorize
 * endpoint that signs the user in at once and sends a code back, and a token endpoint that gives the
 * ID token only for the verifier whose S256 challenge came with the code.
 */
async function startProvider(idToken: () => Promise<string>) {
  const codes = new Map<string, { challenge: string; redirect: string }>();
  const seen = { authorizations: [] as URLSearchParams[], exchanges: [] as { verified: boolean }[], signOuts: 0 };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, base);
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(body));
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, { issuer: base, authorization_endpoint: `${base}/authorize`, token_endpoint: `${base}/token`, jwks_uri: `${base}/jwks`, response_types_supported: ['code'], code_challenge_methods_supported: ['S256'] });
    }
    if (url.pathname === '/authorize') {
      seen.authorizations.push(url.searchParams);
      const code = randomUUID();
      codes.set(code, { challenge: url.searchParams.get('code_challenge') ?? '', redirect: url.searchParams.get('redirect_uri') ?? '' });
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.search = new URLSearchParams({ code, state: url.searchParams.get('state') ?? '' }).toString();
      return void res.writeHead(302, { location: back.toString() }).end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verified = !!grant && createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') === grant.challenge && form.get('redirect_uri') === grant.redirect;
        seen.exchanges.push({ verified });
        if (!verified) return json(400, { error: 'invalid_grant' });
        void idToken().then((token) => json(200, { id_token: token, access_token: 'opaque', token_type: 'Bearer', expires_in: 600 }));
      });
      return;
    }
    if (url.pathname === '/logout') {
      seen.signOuts++;
      return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>signed out</title>');
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    get authorizations() {
      return seen.authorizations;
    },
    get exchanges() {
      return seen.exchanges;
    },
    get signOuts() {
      return seen.signOuts;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The role and the text (or, for a field, the label) of what has the keyboard focus. */
const focused = (page: Page): Promise<{ role: string; text: string }> =>
  page.evaluate(`(() => {
    const el = document.activeElement;
    const label = el && el.id ? document.querySelector('label[for="' + el.id + '"]') : null;
    const text = ((el && (el.innerText || el.getAttribute('aria-label'))) || (label ? label.textContent : '') || '').replace(/\\s+/g, '');
    return { role: (el && el.getAttribute('role')) || '', text };
  })()`);

/** Presses Tab until the focus is on what `wanted` accepts: never the mouse. */
async function tabTo(page: Page, wanted: string | ((f: { role: string; text: string }) => boolean)) {
  const accepts = typeof wanted === 'string' ? (f: { text: string }) => f.text === wanted.replace(/\s+/g, '') : wanted;
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (accepts(await focused(page))) return;
  }
  throw new Error(`the keyboard never reached ${String(wanted)}`);
}

/**
 * Moves along a menu with the right arrow until `wanted` has the focus. The menu moves the focus
 * in an animation frame, so each press waits for the focus to land before the next: under load a
 * press checked at once reads the old item and the next one overshoots.
 */
async function arrowTo(page: Page, wanted: string) {
  for (let i = 0; i < 12; i++) {
    const before = await focused(page);
    if (before.text === wanted) return;
    await page.keyboard.press('ArrowRight');
    await until(async () => (await focused(page)).text).not.toBe(before.text);
  }
  throw new Error(`the arrow keys never reached ${wanted}`);
}

/** A desk session signed in with a demo account, on a screen of its menu. */
async function signedInAt(account: string, screenName: string): Promise<Page> {
  const page = await desk();
  await page.goto(`${local.stack.apiUrl}/`);
  await page.getByRole('button', { name: account }).click();
  await page.getByRole('menuitem', { name: screenName }).click();
  return page;
}

/** The session is lost (a token the API refuses, 401) as the form is sent: sign in again with the demo account. */
async function submitWithLostSession(page: Page, account: string) {
  await page.evaluate(() => sessionStorage.setItem('liudong.token', 'x.eyJzdWIiOiJ4IiwiY3VzdG9tOnJvbGUiOiJjYXNld29ya2VyIiwiY3VzdG9tOmp1cmlzZGljdGlvbiI6IjExMDEwNTAwMiJ9.x'));
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await until(() => page.getByRole('button', { name: account }).count()).toBe(1);
  await page.getByRole('button', { name: account }).click();
}

describe('the web console', () => {
  it('takes a caseworker from sign-in to a verification certificate the public check finds valid', async () => {
    // An agency subscribes first: its endpoint receives the events below; the secret is shown once.
    const agency = await desk();
    await agency.goto(`${local.stack.apiUrl}/`);
    await until(() => agency.getByRole('button', { name: '北京市公安局（机构）' }).count()).toBe(1);
    await agency.getByRole('button', { name: '北京市公安局（机构）' }).click();
    await until(() => agency.getByRole('heading', { name: '新建订阅' }).count()).toBe(1);
    await agency.getByLabel('URL').fill(receiver.url);
    await agency.getByRole('button', { name: /提\s*交/ }).click();
    await until(() => agency.getByText(/^whsec_/).count()).toBe(1);
    await screen(agency, 'subscriptions');

    const page = await desk();
    await page.goto(`${local.stack.apiUrl}/`);
    await until(() => page.getByText('建外街道 工作人员').count()).toBe(1);
    await screen(page, 'sign-in');
    await page.getByRole('button', { name: '建外街道 工作人员' }).click();
    await until(() => page.getByRole('heading', { name: /案件列表/ }).count()).toBe(1);
    // The office and the account by name, not by code.
    await until(() => page.getByRole('heading', { name: '案件列表 · 北京市朝阳区建外街道 · 110105001' }).count()).toBe(1);
    await until(() => page.locator('header').getByText('建外街道 · 工作人员').count()).toBe(1);
    await screen(page, 'cases');

    await page.getByRole('menuitem', { name: '登记来人' }).click();
    await until(() => page.getByRole('heading', { name: '登记来人' }).count()).toBe(1);
    // The demo person's number: they sign in below and see the case.
    const first17 = '11010519491231002';
    const good = first17 + checkCharacter(first17);
    const wrong = first17 + (checkCharacter(first17) === '1' ? '2' : '1');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/v1/registrations')) posts.push(r.url());
    });
    await page.getByLabel('姓名').fill('张三');
    await page.getByLabel('身份证号').fill(wrong);
    await page.getByLabel('手机号').fill('13900139000');
    await page.getByLabel('原籍地代码').fill('511321100');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    // Refused in the browser by the core's own check: nothing was sent.
    await until(() => page.getByText('身份证号校验位有误，请核对').count()).toBeGreaterThan(0);
    expect(posts).toEqual([]);
    await screen(page, 'register');
    await page.getByLabel('身份证号').fill(good);
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await until(() => page.url()).toMatch(/#\/case\/registrations\//);
    await until(() => page.getByRole('heading', { name: '居住登记 · 已报到' }).count()).toBe(1);
    // The origin by name, its code beside it.
    await until(() => page.getByText('四川省南充市南部县南隆镇 · 511321100').count()).toBe(1);
    const caseUrl = page.url();

    // In the list, with its masked number.
    await page.getByRole('menuitem', { name: '案件列表' }).click();
    await until(() => page.getByText(`张三 ${good.slice(0, 6)}********${good.slice(14)}`).count()).toBe(1);

    // Ask for a supplement, then verify.
    await page.goto(caseUrl);
    await page.getByRole('button', { name: '要求补充材料' }).click();
    await page.getByLabel('需补充材料（每行一项）').fill('劳动合同');
    await page.getByLabel('理由').fill('缺少劳动合同');
    await screen(page, 'action-form');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await until(() => page.getByRole('heading', { name: '居住登记 · 待补充材料' }).count()).toBe(1);
    await until(() => page.getByText(/要求补充材料 → 待补充材料 · 缺少劳动合同/).count()).toBe(1);
    await page.getByRole('button', { name: '核验通过', exact: true }).click();
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await until(() => page.getByRole('heading', { name: '居住登记 · 已登记' }).count()).toBe(1);
    await screen(page, 'case');
    const number = (await page.locator('.ant-descriptions-item-content').filter({ hasText: /^VC-/ }).innerText()).trim();
    expect(number).toMatch(/^VC-/);

    // A landlord on a phone, no sign-in: the certificate is valid, a verification certificate,
    // valid from today, and its holder is the person.
    const phone = await onPhone();
    await phone.goto(`${local.stack.apiUrl}/#/check`);
    const checkNumber = async (typed: string, idNumber = '') => {
      await phone.getByLabel('证明编号').fill(typed);
      await phone.getByLabel('身份证号（可选，核对持有人）').fill(idNumber);
      await phone.getByRole('button', { name: /证明核验|核\s*验/ }).last().click();
    };
    await checkNumber(number, good);
    await until(() => phone.getByText('核验结果：有效').count()).toBe(1);
    expect(await phone.getByText('核验证明').count()).toBe(1);
    expect(await phone.getByText(new RegExp(`^${today()} 至 \\d{4}-\\d{2}-\\d{2}$`)).count()).toBe(1);
    expect(await phone.getByText('相符', { exact: true }).count()).toBe(1);
    await screen(phone, 'check');
    // A mistyped number is caught by its check character, before anything is sent; a well-formed
    // one nobody issued is not found; too many checks say how long to wait.
    const checks: string[] = [];
    phone.on('request', (r) => {
      if (r.url().includes('/v1/certificates/')) checks.push(r.url());
    });
    const mistyped = number.slice(0, -1) + (number.endsWith('0') ? '1' : '0');
    expect(parseCertificateNumber(mistyped)).toHaveProperty('error');
    await checkNumber(mistyped);
    await until(() => phone.getByText('编号有误，请核对后重新输入').count()).toBe(1);
    expect(checks).toEqual([]);
    await checkNumber(newCertificateNumber('verification', (n) => randomBytes(n)));
    await until(() => phone.getByText('未找到该证明').count()).toBe(1);
    await screen(phone, 'check-unknown');
    await phone.route('**/v1/certificates/**', (route) =>
      route.fulfill({ status: 429, headers: { 'retry-after': '42', 'content-type': 'application/problem+json' }, body: JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429 }) }),
    );
    await checkNumber(number);
    await until(() => phone.getByText('查询过于频繁，请稍后再试').count()).toBe(1);
    expect(await phone.getByText('请 42 秒后再试').count()).toBe(1);

    // The origin office was notified: its inbox shows the notices unread, and one is acknowledged.
    // Every notice is filed first (queue consumers), so the count read below is the page's whole list.
    await local.stack.drained();
    const origin = await desk();
    await origin.goto(`${local.stack.apiUrl}/`);
    await origin.getByRole('button', { name: '南隆镇 工作人员' }).click();
    await origin.getByRole('menuitem', { name: '收件箱' }).click();
    await until(() => origin.getByRole('button', { name: '签收' }).count()).toBeGreaterThan(0);
    const unread = await origin.getByRole('button', { name: '签收' }).count();
    await screen(origin, 'inbox');
    await origin.getByRole('button', { name: '签收' }).first().click();
    await until(() => origin.getByRole('button', { name: '签收' }).count()).toBe(unread - 1);

    // The county supervisor's dashboard: the verification certificate moved this month's rate.
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: '朝阳区 督导' }).click();
    await page.getByRole('menuitem', { name: '统计' }).click();
    await until(() => page.getByRole('img', { name: /按时登记率/ }).count()).toBe(1);
    await page.getByRole('combobox', { name: '指标' }).click();
    await page.getByTitle('核验证明发放率').click();
    expect(await page.getByRole('columnheader').allInnerTexts()).toEqual(expect.arrayContaining(['期间', '按时办结', '应办', '完成率']));
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(clockNow());
    const row = page.getByRole('row', { name: new RegExp(`^${month}`) });
    await until(() => row.innerText()).toMatch(/1\s+1\s+100\.0%/);
    // The county's data-quality list, with its offices' update frequency.
    await until(() => page.getByText(/近一年更新天数/).count()).toBe(1);
    await screen(page, 'statistics');

    // The person, on a phone: the case, the review's deadline, and who read the record.
    const own = await onPhone();
    await own.goto(`${local.stack.apiUrl}/`);
    await own.getByRole('button', { name: '张三（本人）' }).click();
    await until(() => own.getByRole('heading', { name: '我的事项' }).count()).toBe(1);
    await until(() => own.getByText(/已登记，证明编号 VC-/).count()).toBe(1);
    await until(() => own.getByText(/剩余天数/).count()).toBeGreaterThan(0);
    await until(() => own.getByText(/北京市朝阳区建外街道 · 110105001 · 工作人员 · 办理案件/).count()).toBeGreaterThan(0);
    // The header at phone width: the menu on a row of its own, no entry clipped.
    expect(await clippedMenuEntries(own)).toEqual([]);
    expect(await own.getByRole('menuitem', { name: '我的事项' }).isVisible()).toBe(true);
    await screen(own, 'me');

    // The agency sees its deliveries, delivered to its endpoint.
    await until(() => receiver.received.length).toBeGreaterThan(0);
    await agency.getByRole('button', { name: '投递记录' }).click();
    await until(() => agency.getByText('已送达').count()).toBeGreaterThan(0);
    await screen(agency, 'deliveries');

    // An administrator: the policy in force, with where each setting came from.
    const admin = await desk();
    await admin.goto(`${local.stack.apiUrl}/`);
    await admin.getByRole('button', { name: '系统管理员' }).click();
    await until(() => admin.getByRole('row', { name: /^报到登记期限\s+10 自然日\s+(全国|默认)$/ }).count()).toBe(1);
    await screen(admin, 'admin');

    // The holiday calendar: 2027 has no notice yet (computed from the law), the daily check has
    // told the national administrator, who loads the notice through the form.
    await invoke('checkCalendar', { asOf: clockNow().toISOString() });
    await admin.reload();
    await until(() => admin.getByText('国务院节假日安排通知尚未载入：2027').count()).toBe(1);
    await until(() => admin.getByText('按法定节日推算', { exact: true }).count()).toBe(1);
    await admin.getByLabel('通知标题').fill('国务院办公厅关于2027年部分节假日安排的通知（测试用）');
    await admin.getByLabel('文号').fill('国办发明电〔2026〕99号');
    await admin.getByLabel('发布日期').fill('2026-11-10');
    await admin.getByLabel('发布日期').press('Enter');
    // A notice that drops 国庆's third day is refused beside the box it came from.
    // One date a line, and 国庆 as a range (1–3 October and the two days made up for the weekend).
    const lines = [...statutoryHolidays(2027).holidays.filter((d) => !d.startsWith('2027-10')), '2027-10-01~2027-10-05'];
    await admin.getByLabel('放假日期').fill(lines.join('\n').replace('2027-10-01~2027-10-05', '2027-10-01\n2027-10-03~2027-10-05'));
    await admin.getByRole('button', { name: '载入国务院通知' }).click();
    await until(() => admin.getByText('2027-10-02 (国庆节) is a statutory holiday and must be inside a holiday period').count()).toBe(1);
    await admin.getByLabel('放假日期').fill(lines.join('\n'));
    await admin.getByRole('button', { name: '载入国务院通知' }).click();
    await until(() => admin.getByText('国务院通知', { exact: true }).count()).toBe(1);
    await until(() => admin.getByText('国务院节假日安排通知尚未载入：2027').count()).toBe(0);
    await screen(admin, 'admin calendar');
  }, 240_000);

  it('returns a lost session to sign-in and back, the half-filled form kept', async () => {
    const page = await signedInAt('朝外街道 工作人员', '登记来人');
    await page.getByLabel('姓名').fill('王五');
    await page.getByLabel('身份证号').fill(`11010519800101001${checkCharacter('11010519800101001')}`);
    await page.getByLabel('手机号').fill('13700137000');
    await page.getByLabel('原籍地代码').fill('511321100');
    await submitWithLostSession(page, '朝外街道 工作人员');
    await until(() => page.getByRole('heading', { name: '登记来人' }).count()).toBe(1);
    expect(await page.getByLabel('姓名').inputValue()).toBe('王五');
    expect(await page.getByLabel('原籍地代码').inputValue()).toBe('511321100');

    // An action's form too: a supplement request half-written on a case when the session is lost.
    const office = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105002' });
    const idNumber = `11010519800101003${checkCharacter('11010519800101003')}`;
    const made = await local.call('POST', '/v1/registrations', {
      token: office,
      body: { person: { name: '赵六', idNumber, phone: '13700137001' }, originCode: '511321100', destinationCode: '110105002', arrivalDate: today(), expectedStayDays: 60 },
    });
    expect(made.status).toBe(201);
    await page.goto(`${local.stack.apiUrl}/#/case/registrations/${made.body.id as string}`);
    await page.getByRole('button', { name: '要求补充材料' }).click();
    await page.getByLabel('需补充材料（每行一项）').fill('居住证明');
    await page.getByLabel('理由').fill('缺居住证明');
    await submitWithLostSession(page, '朝外街道 工作人员');
    await until(() => page.getByLabel('需补充材料（每行一项）').count()).toBe(1);
    expect(await page.getByLabel('需补充材料（每行一项）').inputValue()).toBe('居住证明');
    expect(await page.getByLabel('理由').inputValue()).toBe('缺居住证明');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await until(async () => (await local.call('GET', `/v1/registrations/${made.body.id as string}`, { token: office })).body.state).toBe('awaiting_supplement');
  }, 120_000);

  it("signs in through an OpenID provider with the authorization code and PKCE, as Cognito's hosted UI does in AWS", async () => {
    const provider = await startProvider(() => local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105001' }));
    try {
      // The configuration the CDK stack deploys beside the console, pointing at this provider. The
      // distribution's CSP lists the provider; here the browser skips CSP, the provider being a test server.
      const page = await desk({ bypassCSP: true });
      const config: ConsoleConfig = { signIn: 'oidc', authority: provider.url, clientId: 'liudong-console', scope: CONSOLE_SCOPE, signOutUrl: `${provider.url}/logout?client_id=liudong-console` };
      await page.route('**/config.json', (route) => route.fulfill({ json: config }));
      await page.goto(`${local.stack.apiUrl}/`);
      await page.getByRole('button', { name: '统一身份认证登录' }).click();
      // Back from the provider: the code exchanged with its verifier, the caseworker's cases shown, the code gone from the address.
      await until(() => page.getByRole('menuitem', { name: '登记来人' }).count()).toBe(1);
      await until(() => page.getByRole('table').count()).toBeGreaterThan(0);
      expect(page.url()).toBe(`${local.stack.apiUrl}/#/cases`);
      const asked = provider.authorizations[0]!;
      expect(Object.fromEntries(['response_type', 'client_id', 'redirect_uri', 'scope', 'code_challenge_method'].map((k) => [k, asked.get(k)]))).toEqual({
        response_type: 'code',
        client_id: 'liudong-console',
        redirect_uri: `${local.stack.apiUrl}/`,
        scope: CONSOLE_SCOPE,
        code_challenge_method: 'S256',
      });
      expect(provider.exchanges).toEqual([{ verified: true }]);
      await screen(page, 'sign-in-provider');
      // Signing out ends the provider's session too.
      await page.getByRole('button', { name: '退出' }).click();
      await until(() => provider.signOuts).toBe(1);
    } finally {
      await provider.stop();
    }
  }, 120_000);

  it("imports a landlord's list with a progress bar, and gives the error rows back as CSV", async () => {
    const id = (n: number) => `11010519900101${String(n).padStart(3, '0')}`;
    const row = (n: number, idNumber: string) => `租户${n},${idNumber},1390013${String(n).padStart(4, '0')},511321100,${today()},90,"建外街道${n}号院"`;
    const wrongId = id(103).slice(0, 17) + (checkCharacter(id(103).slice(0, 17)) === '1' ? '2' : '1');
    const csv = ['姓名,身份证号,手机号,户籍地代码,到达日期,预计居住天数,住所', ...[101, 102].map((n) => row(n, id(n).slice(0, 17) + checkCharacter(id(n).slice(0, 17)))), row(103, wrongId.slice(0, 18))].join('\r\n');
    const page = await signedInAt('建外街道 工作人员', '批量导入');
    await until(() => page.getByRole('heading', { name: '批量导入' }).count()).toBe(1);
    await page.locator('input[type=file]').setInputFiles({ name: 'tenants.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: '开始导入' }).click();
    // Followed to the end: every row processed, two reported, one with an error naming its row and field.
    await until(() => page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await until(() => page.getByText('3 / 3').count()).toBe(1);
    expect(await page.getByText('2 · 0 · 1').count()).toBe(1);
    // The field as the file headed it.
    await until(() => page.getByRole('row', { name: /^4\s+身份证号\s/ }).count()).toBe(1);
    await screen(page, 'imports');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载出错行（CSV）' }).click()]);
    const bytes = readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Back under the headings the file came with, ready to fix and upload again.
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('姓名,身份证号,手机号,户籍地代码,到达日期,预计居住天数,住所,行号,出错字段,出错原因');
    expect(lines[1]).toMatch(/^租户103,.*,4,身份证号,/);
    // The two reported are in the office's list, filtered to their state; none of them is verified yet.
    await page.getByRole('menuitem', { name: '案件列表' }).click();
    const pickState = async (state: string) => {
      await page.getByRole('combobox', { name: '状态' }).click();
      await page.keyboard.type(state);
      await page.keyboard.press('Enter');
    };
    await pickState('已报到');
    await until(() => page.getByRole('row', { name: /租户10[12]/ }).count()).toBe(2);
    await pickState('已登记');
    await until(() => page.getByRole('row', { name: /租户10[12]/ }).count()).toBe(0);
  }, 120_000);

  it('lets a person on a phone read the messages sent to them and appeal a refusal', async () => {
    const office = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110108001' });
    const demoPerson = `11010519491231002${checkCharacter('11010519491231002')}`;
    const made = await local.call('POST', '/v1/registrations', {
      token: office,
      body: { person: { name: '张三', idNumber: demoPerson, phone: '13900139001' }, originCode: '511321100', destinationCode: '110108001', arrivalDate: today(), expectedStayDays: 60 },
    });
    expect(made.status).toBe(201);
    // The reminder three days before the deadline goes out as an SMS; then the office refuses.
    await local.sweep((made.body.deadline.stages as { name: string; at: string }[]).find((st) => st.name === 'remind-3d')!.at);
    expect((await local.call('POST', `/v1/registrations/${made.body.id as string}/refuse`, { token: office, body: { reason: '住所信息与实际不符' } })).status).toBe(200);

    const phone = await onPhone();
    await phone.goto(`${local.stack.apiUrl}/`);
    await phone.getByRole('button', { name: '张三（本人）' }).click();
    const refused = phone.getByRole('listitem').filter({ hasText: '已关闭' });
    await until(() => refused.getByRole('button', { name: '申诉' }).count()).toBe(1);
    await refused.getByRole('button', { name: '消息' }).click();
    await until(() => phone.getByRole('dialog').getByText(/短信 · 139\*{4}9001|短信 · .*9001/).count()).toBe(1);
    await screen(phone, 'me-messages');
    await phone.getByRole('dialog').getByRole('button', { name: /close|关闭/i }).click();
    await refused.getByRole('button', { name: '申诉' }).click();
    await phone.getByLabel('申诉理由').fill('我一直住在该处，可提供租房合同。');
    await screen(phone, 'me-appeal');
    await phone.getByRole('dialog').getByRole('button', { name: /提\s*交/ }).click();
    // Lodged: the appeal is one of the person's cases now, and the refusal can be appealed no more.
    await until(() => phone.getByRole('listitem').filter({ hasText: /^申诉\s*已提出/ }).count()).toBe(1);
    await until(() => refused.getByRole('button', { name: '申诉' }).count()).toBe(0);
  }, 120_000);

  it('can be worked with the keyboard alone: sign in, the menu, a registration form, an action', async () => {
    const page = await desk();
    await page.goto(`${local.stack.apiUrl}/`);
    await until(() => page.getByRole('button', { name: '万寿路街道 工作人员' }).count()).toBe(1);
    await tabTo(page, '万寿路街道 工作人员');
    await page.keyboard.press('Enter');
    await until(() => page.getByRole('heading', { name: /案件列表/ }).count()).toBe(1);
    // The menu is one tab stop; the arrow keys move along it.
    await tabTo(page, (f) => f.role === 'menu');
    await arrowTo(page, '登记来人');
    await page.keyboard.press('Enter');
    await until(() => page.getByRole('heading', { name: '登记来人' }).count()).toBe(1);
    await tabTo(page, '姓名');
    await page.keyboard.type('孙八');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`11010519800101004${checkCharacter('11010519800101004')}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('13700137004');
    await page.keyboard.press('Tab');
    await page.keyboard.type('511321100');
    await tabTo(page, '提交');
    await page.keyboard.press('Enter');
    await until(() => page.getByRole('button', { name: '核验通过' }).count()).toBe(1);
    await tabTo(page, '核验通过');
    await page.keyboard.press('Enter');
    await until(() => page.getByRole('dialog').count()).toBe(1);
    await tabTo(page, '提交');
    await page.keyboard.press('Enter');
    await until(() => page.getByRole('heading', { name: '居住登记 · 已登记' }).count()).toBe(1);
  }, 120_000);

  it("applies for an origin certificate at the origin, the intended destination picked from the API's tree", async () => {
    const page = await signedInAt('南隆镇 工作人员', '申请原籍证明');
    await until(() => page.getByRole('heading', { name: '申请原籍证明' }).count()).toBe(1);
    expect(await page.getByLabel('原籍地代码').inputValue()).toBe('511321100');
    await page.getByLabel('姓名').fill('周九');
    await page.getByLabel('身份证号').fill(`51132119850505001${checkCharacter('51132119850505001')}`);
    await page.getByLabel('手机号').fill('13600136009');
    await page.locator('.ant-form-item', { hasText: '拟前往地代码' }).getByRole('button', { name: '选择' }).click();
    for (const place of ['北京市 11', '北京市市辖区 1101', '朝阳区 110105', '建外街道 110105001']) {
      await page.locator('.ant-cascader-menu-item', { hasText: place }).click();
    }
    await until(() => page.getByLabel('拟前往地代码').inputValue()).toBe('110105001');
    await page.keyboard.press('Escape');
    await screen(page, 'apply');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await until(() => page.getByRole('heading', { name: '原籍证明 · 已申请' }).count()).toBe(1);
    await until(() => page.getByText('四川省南充市南部县南隆镇 · 511321100').count()).toBe(1);
    await screen(page, 'origin-certificate');
  }, 120_000);

  it('shows an office the assistance requests it received, and answers one through its form', async () => {
    const asking = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '511321101' });
    const asked = await local.call('POST', '/v1/assistance-requests', {
      token: asking,
      body: { toCode: '110105001', subject: { idNumber: `11010519800101002${checkCharacter('11010519800101002')}` }, question: '此人是否在辖区居住？' },
    });
    expect(asked.status).toBe(201);
    const page = await signedInAt('建外街道 工作人员', '协查与申诉');
    await until(() => page.getByRole('tab', { name: /收到的协查 \(1\)/ }).count()).toBe(1);
    await screen(page, 'requests');
    await page.getByRole('button', { name: '打开' }).first().click();
    await page.getByRole('button', { name: '答复', exact: true }).click();
    await page.getByLabel('答复内容').fill('经核实，此人在辖区居住。');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await until(() => page.getByRole('heading', { name: '协查 · 已答复' }).count()).toBe(1);
    await screen(page, 'assistance-request');
  }, 120_000);
});
