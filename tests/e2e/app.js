// Page objects and fixtures shared by the end-to-end tests.
//
// The citizen pages are static HTML pre-rendered at build time, one file per address
// (relative to the base: `guide/`, `en/guide/`, `c/<id>/offices/`, `check/14plus/have/2/`);
// small wasm islands (`<leptos-island>`) bring the live parts to life after load.
import { test as base, expect } from '@playwright/test';

/** Every main page of a campaign with its heading in both languages (addresses end with `/`). */
export const ROUTES = [
  { path: '', vi: 'Đăng ký và kích hoạt tài khoản định danh điện tử', en: 'Register and activate your electronic ID account' },
  { path: 'check/', vi: 'Tôi cần làm gì?', en: 'What do I need to do?' },
  { path: 'guide/', vi: 'Các bước đăng ký tài khoản định danh điện tử', en: 'Steps to register an electronic ID account' },
  { path: 'documents/', vi: 'Giấy tờ cần mang', en: 'Documents to bring' },
  { path: 'offices/', vi: 'Nơi làm thủ tục và giờ làm việc', en: 'Where to go and opening hours' },
  { path: 'help/', vi: 'Trợ giúp và cảnh giác lừa đảo', en: 'Help and scam warnings' },
];

/** The campaigns the deployment offers; the first is the default (at the root, no `c/<id>/`). */
export const CAMPAIGNS = ['hcm-q3-2023', 'tv-duyen-hai-2023', 'dn-tam-thuan-2024', 'hn-awareness-2022', 'hcm-binh-thanh-2023'];

/**
 * The address of a page (`guide/`) in a language and campaign:
 * `at('guide/', 'en', 'hn-awareness-2022')` is `en/c/hn-awareness-2022/guide/`.
 */
export function at(path, lang = 'vi', campaign = null) {
  return `${lang === 'en' ? 'en/' : ''}${campaign && campaign !== CAMPAIGNS[0] ? `c/${campaign}/` : ''}${path}`;
}

/** The app as a citizen sees it. */
export class AppPage {
  constructor(page, baseURL) {
    this.page = page;
    this.baseURL = baseURL;
  }

  /**
   * Opens an address (relative to the sub-path) as from outside the site (no referrer)
   * and waits for its heading. A home page opened so goes to the remembered language.
   */
  async open(path = '') {
    const response = await this.page.goto(path);
    await expect(this.heading).toBeVisible();
    return response;
  }

  /** Opens an address as a link inside the site would (same-origin referrer). */
  async openFromSite(path = '') {
    const response = await this.page.goto(path, { referer: this.baseURL });
    await expect(this.heading).toBeVisible();
    return response;
  }

  /**
   * Waits until the islands of the page have started: the start-up script marks
   * `<html data-islands="on">` once every island ran its first effects.
   */
  async islandsStarted(timeout = 20_000) {
    await this.page.waitForFunction(() => document.documentElement.dataset.islands === 'on', null, { timeout });
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The language switch: a link named after the other language ("English" or "Tiếng Việt"). */
  languageSwitch(name) {
    return this.page.getByRole('banner').getByRole('link', { name, exact: true });
  }

  nav() {
    return this.page.getByRole('navigation');
  }

  /** The office cards shown (the filters set `hidden` on the others). */
  offices() {
    return this.page.locator('article.office:not([hidden])');
  }

  /** A step of the step-by-step list (`install`, `level2`, …). */
  step(id) {
    return this.page.locator(`li.step[data-step="${id}"]`);
  }

  /** The "I have done this step" box of a step. */
  tick(id) {
    return this.step(id).getByLabel(this.page.url().includes('/en/') ? 'I have done this step' : 'Tôi đã làm xong bước này');
  }

  async htmlLang() {
    return this.page.locator('html').getAttribute('lang');
  }
}

/**
 * Adds two checks to every test: no console error, and no request to any
 * origin other than the app's own.
 */
export const test = base.extend({
  app: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL).origin;
    const errors = [];
    const foreign = [];
    // Navigations answered with an error status on purpose (the not-found page is served
    // with 404 like GitHub Pages; the service worker answers an unsaved page offline with 503).
    const expectedStatus = new Map();
    page.on('response', (response) => {
      if (response.request().isNavigationRequest() && [404, 503].includes(response.status())) expectedStatus.set(response.url(), response.status());
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push({ text: msg.text(), url: msg.location().url });
    });
    page.on('pageerror', (err) => errors.push({ text: String(err), url: '' }));
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(req.url());
    });
    await use(new AppPage(page, baseURL));
    const appErrors = errors
      .filter((e) => {
        // The browser's own report of a page answered 404 or 503 on purpose (see above).
        const status = /^Failed to load resource: the server responded with a status of (404|503)\b/.exec(e.text);
        return !(status && expectedStatus.get(e.url) === Number(status[1]));
      })
      // Offline tests cut the network on purpose: the browser's own update check of sw.js then fails.
      .filter((e) => !/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(e.text))
      .map((e) => (e.url ? `${e.text} (${e.url})` : e.text));
    expect(appErrors, 'console errors').toEqual([]);
    expect(foreign, 'requests leaving the origin').toEqual([]);
  },
});

export { expect };
