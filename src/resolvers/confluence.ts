/** The two Confluence calls the app makes, both as the calling user. */
import api, { route } from '@forge/api';

/** May the user edit this page? Asked as the user, so Confluence answers with their own permissions. */
export async function canEditPage(pageId: string, accountId: string): Promise<boolean> {
  const response = await api.asUser().requestConfluence(route`/wiki/rest/api/content/${pageId}/permission/check`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ subject: { type: 'user', identifier: accountId }, operation: 'update' }),
  });
  // Confluence answers 403/404 when the user may not even see the page: certainly no edit.
  if (response.status === 403 || response.status === 404) return false;
  if (!response.ok) throw new Error(`Confluence permission check failed with status ${response.status}`);
  const body = (await response.json()) as { hasPermission?: unknown };
  return body.hasPermission === true;
}

/**
 * The editor's display name, stored with each change as an audit snapshot. Best effort: a change is not
 * refused because the name could not be looked up; history then shows the account only.
 */
export async function currentUserName(): Promise<string | null> {
  try {
    const response = await api.asUser().requestConfluence(route`/wiki/rest/api/user/current`, {
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { displayName?: unknown; publicName?: unknown };
    const name = typeof body.displayName === 'string' && body.displayName ? body.displayName : body.publicName;
    return typeof name === 'string' && name ? name : null;
  } catch {
    return null;
  }
}
