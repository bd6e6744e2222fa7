// Page objects and fixtures shared by the end-to-end tests.
import { test as base, expect } from '@playwright/test';

/** Every route of the app with its heading in both languages. */
export const ROUTES = [
  { path: '', vi: 'Đăng ký và kích hoạt tài khoản định danh điện tử', en: 'Register and activate your electronic ID account' },
  { path: 'check', vi: 'Tôi cần làm gì?', en: 'What do I need to do?' },
  { path: 'guide', vi: 'Các bước đăng ký tài khoản định danh điện tử', en: 'Steps to register an electronic ID account' },
  { path: 'documents', vi: 'Giấy tờ cần mang', en: 'Documents to bring' },
  { path: 'offices', vi: 'Nơi làm thủ tục và giờ làm việc', en: 'Where to go and opening hours' },
  { path: 'help', vi: 'Trợ giúp và cảnh giác lừa đảo', en: 'Help and scam warnings' },
];

/** The app as a citizen sees it. */
export class AppPage {
  constructor(page) {
    this.page = page;
  }

  /** Opens a route (relative to the sub-path) and waits for the app to render. */
  async open(path = '') {
    const response = await this.page.goto(path);
    await expect(this.heading).toBeVisible();
    return response;
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The language switch, found by its accessible name (the other language's name). */
  languageSwitch(name) {
    return this.page.getByRole('button', { name, exact: true });
  }

  nav() {
    return this.page.getByRole('navigation');
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
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(req.url());
    });
    await use(new AppPage(page));
    // The sub-path deep-link answer is a 404 status by design (GitHub Pages); it is not an app error.
    // Offline tests cut the network on purpose: the browser's own update check of sw.js then fails.
    const appErrors = errors.filter((e) => !/Failed to load resource: (the server responded with a status of 404|net::ERR_INTERNET_DISCONNECTED)/.test(e));
    expect(appErrors, 'console errors').toEqual([]);
    expect(foreign, 'requests leaving the origin').toEqual([]);
  },
});

export { expect };
