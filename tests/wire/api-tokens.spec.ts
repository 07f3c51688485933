import { sanctumTokenChecks, test } from 'sanctum-spa-kit';

// Personal access tokens beside the session path, on the bundled app's token
// routes (app-under-test/overlay/routes/tokens.php): the library's checks, as
// any consumer with its own token endpoints runs them.

sanctumTokenChecks(test);
