import type { SpaAdapter } from 'sanctum-spa-kit';

// Where the flows find things in Acme's SPA.
export const acmeAdapter: SpaAdapter = {
  path: '/sign-in',
  emailInput: (page) => page.getByLabel('E-mail address'),
  passwordInput: (page) => page.getByLabel('Secret'),
  submitButton: (page) => page.getByRole('button', { name: 'Continue' }),
  signedOut: (page) => page.getByRole('heading', { name: 'Sign in to Acme' }),
  signedIn: (page, user) => page.getByText(`Signed in as ${user.email}`),
  loginError: (page) => page.getByRole('alert'),
  logOutButton: (page) => page.getByRole('button', { name: 'Sign out' }),
};
