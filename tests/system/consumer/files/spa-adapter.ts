import type { SpaAdapter } from 'sanctum-spa-kit';

export const spaAdapter: SpaAdapter = {
  emailInput: (page) => page.getByLabel('Email'),
  passwordInput: (page) => page.getByLabel('Password'),
  submitButton: (page) => page.getByRole('button', { name: 'Log in' }),
  signedOut: (page) => page.getByRole('form', { name: 'Log in' }),
  signedIn: (page, user) => page.getByText(`Signed in as ${user.email}`),
  loginError: (page) => page.getByRole('alert'),
  logOutButton: (page) => page.getByRole('button', { name: 'Log out' }),
};
