import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/**
 * Goes through the recovery-key step as a careful owner would: reads the groups shown on screen,
 * continues, and types back the two groups the form asks for. Returns the key as shown.
 */
export async function confirmRecoveryKey(user: UserEvent): Promise<string> {
  const list = await screen.findByRole('list', { name: /^Palautusavain, \d+ ryhmää$/ }, { timeout: 10_000 });
  const groups = [...list.querySelectorAll('.recovery-key-text')].map((el) => el.textContent ?? '');
  await user.click(screen.getByRole('button', { name: 'Avain on tallessa, jatka' }));
  for (const field of screen.getAllByLabelText(/^Ryhmä \d+/)) {
    const n = Number(/Ryhmä (\d+)/.exec(field.getAttribute('name')?.replace('group-', 'Ryhmä ') ?? '')?.[1]);
    await user.type(field, groups[n - 1] ?? '');
  }
  await user.click(screen.getByRole('button', { name: 'Vahvista' }));
  return groups.join('-');
}
