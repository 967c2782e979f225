import { matchPath } from 'react-router';
import { config as configureZod } from 'zod/v4/core';

/*
 * The app's first steps, taken before React, the router and the pages are evaluated: main.tsx imports this module
 * first.
 */

// The page's CSP forbids eval, so zod's compiled fast path is out of reach here; saying so before any schema is built
// also keeps zod from probing with `new Function`, which the browser reports as a CSP violation.
configureZod({ jitless: true });

export const NEW_FAMILY_PATH = '/gezinnen/nieuw';
export const FAMILY_PATH = '/gezinnen/:familyId';

/** The family overview's code (with zod and the schemas of its forms). */
export const familyPage = () => import('./pages/FamilyPage');

// Opened on a family: its page's code is on its way while the rest of the app's code is evaluated, rather than after
// (the router asks for it again when it starts; the answer is shared, not fetched twice).
if (!matchPath(NEW_FAMILY_PATH, location.pathname) && matchPath(FAMILY_PATH, location.pathname)) void familyPage();
