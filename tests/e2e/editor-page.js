// The campaign editor's page object (staff/editor/): fields by their place in the file.
import { expect } from './app.js';

/** The element id of the field at a place written as the build writes it (`offices[0].name`). */
export const fieldId = (path) => `f-${path.split(/[.[\]]/).filter(Boolean).join('-')}`;

/** The campaign editor as a district's deployer uses it. */
export class EditorPage {
  constructor(page) {
    this.page = page;
  }

  async open() {
    await this.page.goto('staff/editor/');
    await expect(this.page.locator('#editor-title')).toBeVisible();
    // The form is filled with the campaign shown.
    await expect(this.field('id')).not.toHaveValue('');
  }

  /** The input of a one-line field, or one language's box of a text (`name.vi`). */
  field(path) {
    return this.page.locator(`#${fieldId(path)}`);
  }

  /** The problems shown under the field at `path`. */
  problems(path) {
    return this.page.locator(`#${fieldId(path)}-msg`);
  }

  async type(path, value) {
    await this.field(path).fill(value);
  }

  async text(path, vi, en) {
    await this.field(`${path}.vi`).fill(vi);
    await this.field(`${path}.en`).fill(en);
  }

  /** Adds an entry to the list at `path` (`offices`) with its add button. */
  async add(path) {
    await this.page.locator(`#${fieldId(path)} > button`).last().click();
  }

  /** Writes weekly hours with the helper: days (0 = Monday), from, to. */
  async addHours(path, days, from, to) {
    const helper = this.page.locator(`#${fieldId(path)}-helper`);
    if (!(await helper.evaluate((d) => d.open))) await helper.locator('summary').click();
    for (const day of days) await helper.locator(`#${fieldId(path)}-helper-day-${day}`).check();
    await helper.locator(`#${fieldId(path)}-helper-from`).fill(from);
    await helper.locator(`#${fieldId(path)}-helper-to`).fill(to);
    await helper.locator('button:not(.secondary)').last().click();
  }

  get summary() {
    return this.page.locator('.editor-check');
  }

  get openMessage() {
    return this.page.locator('#editor-open-message');
  }

  async preview(pageKey = 'offices') {
    await this.page.locator('#editor-preview-page').selectOption(pageKey);
    const toggle = this.page.locator('.editor-preview > button');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return this.page.locator(`.editor-preview-page[data-preview="${pageKey}"]`);
  }
}
