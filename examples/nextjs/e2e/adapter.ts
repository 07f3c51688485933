import type { SpaAdapter } from 'sanctum-spa-kit';

// Where the flows find things on the server-rendered login page.
export const adapter: SpaAdapter = {
  emailInput: (page) => page.getByLabel('Email'),
  passwordInput: (page) => page.getByLabel('Password'),
  submitButton: (page) => page.getByRole('button', { name: 'Log in' }),
  signedOut: (page) => page.getByRole('form', { name: 'Log in' }),
  signedIn: (page, user) => page.getByText(`Signed in as ${user.email}`),
  // Inside the form: Next's route announcer is an alert too.
  loginError: (page) => page.getByRole('form', { name: 'Log in' }).getByRole('alert'),
  logOutButton: (page) => page.getByRole('button', { name: 'Log out' }),
};
