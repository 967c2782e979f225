// A minimal sign-in page until the React web app (its own issue) replaces it. Texts are Dutch, plain language.
const phaseNames = { aanmelding: 'Aanmelding', intake: 'Intake', plan: 'Plan maken', uitvoering: 'Uitvoering', evaluatie: 'Evaluatie', afgesloten: 'Afgesloten' };
let csrfToken = null;

const $ = (id) => document.getElementById(id);

async function api(method, url, body) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken && method !== 'GET') headers['x-csrf-token'] = csrfToken;
  return fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
}

async function showHome(user) {
  $('signin').hidden = true;
  $('home').hidden = false;
  $('welcome').textContent = `Welkom, ${user.name} (${user.organisationName}).`;
  const res = await api('GET', '/api/v1/me/families?limit=50');
  const list = $('caseload');
  list.replaceChildren();
  if (res.ok) {
    const { items } = await res.json();
    $('empty').hidden = items.length > 0;
    for (const family of items) {
      const li = document.createElement('li');
      const name = document.createElement('span');
      // A family that has not agreed to share its name with your organisation shows without it.
      name.textContent = family.name ?? 'Gezin (naam niet gedeeld)';
      const phase = document.createElement('span');
      phase.className = 'phase';
      phase.textContent = phaseNames[family.phase] ?? family.phase;
      li.append(name, phase);
      list.append(li);
    }
  } else {
    $('empty').hidden = false;
  }
  $('home-title').focus?.();
}

function showSignIn(message) {
  $('home').hidden = true;
  $('signin').hidden = false;
  const alert = $('signin-error');
  alert.hidden = !message;
  alert.textContent = message ?? '';
}

$('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = $('email').value.trim();
  const password = $('password').value;
  if (!email || !password) return showSignIn('Vul uw e-mailadres en wachtwoord in.');
  const res = await api('POST', '/api/v1/auth/login', { email, password });
  if (res.ok) {
    const body = await res.json();
    csrfToken = body.csrfToken;
    $('password').value = '';
    return showHome(body.user);
  }
  if (res.status === 429) return showSignIn('Te veel pogingen. Wacht een paar minuten en probeer het opnieuw.');
  showSignIn('Het e-mailadres of het wachtwoord klopt niet.');
});

$('signout').addEventListener('click', async () => {
  await api('POST', '/api/v1/auth/logout', {});
  csrfToken = null;
  showSignIn();
});

(async () => {
  const res = await api('GET', '/api/v1/me');
  if (res.ok) {
    const body = await res.json();
    csrfToken = body.csrfToken;
    showHome(body.user);
  }
})();
