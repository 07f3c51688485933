import type { SpaAdapter } from 'sanctum-spa-kit';

/** The bundled SPA (app-under-test/spa) for the flow suite: found by role and label. */
export const bundledSpaAdapter: SpaAdapter = {
  emailInput: (page) => page.getByRole('form', { name: 'Log in' }).getByLabel('Email'),
  passwordInput: (page) => page.getByRole('form', { name: 'Log in' }).getByLabel('Password'),
  submitButton: (page) => page.getByRole('form', { name: 'Log in' }).getByRole('button', { name: 'Log in' }),
  signedOut: (page) => page.getByRole('form', { name: 'Log in' }),
  signedIn: (page, user) => page.getByText(`Signed in as ${user.email}`),
  loginError: (page) => page.getByRole('alert'),
  logOutButton: (page) => page.getByRole('button', { name: 'Log out' }),
};
