/** The app's two screens; each belongs to one side of the session. */
export const routes = {
  signIn: '/sign-in',
  account: '/account',
} as const;
