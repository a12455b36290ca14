import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../support/render-app';

describe('language', () => {
  it('starts in Finnish and switches to English, remembered by main', async () => {
    const user = userEvent.setup();
    const { bridge, userDataDir } = await renderApp();
    expect(screen.getByRole('heading', { name: 'Tervetuloa Kirjuriin' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fi');

    await user.selectOptions(screen.getByLabelText('Kieli'), 'en');

    expect(await screen.findByRole('heading', { name: 'Welcome to Kirjuri' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create register' })).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    await waitFor(async () => expect(await bridge.api.invoke('preferences.get', undefined)).toEqual({ ok: true, value: { language: 'en' } }));
    expect(JSON.parse(await readFile(join(userDataDir, 'preferences.json'), 'utf8'))).toEqual({ language: 'en' });
  });
});
