// Admin's configuration for the STZA–ZBRA technology exchange programme.
//
// This file replaces app/admin/scripts/config.js of camunda-webapp-webjar 7.24.0 (whose options are
// all commented out): the application's own resources come before the webjar on the classpath, so
// Spring Boot serves this one. Options: see the webjar's file and
// https://docs.camunda.org/manual/7.24/webapps/
export default {
  // The header and the browser tab show "<vendor> <name>"; the login page shows the name.
  app: {
    name: 'STZA–ZBRA Technology Exchange',
    vendor: 'Approval service'
  },

  // The login page's "Welcome to Camunda" box links to the vendor's /camunda-welcome page.
  disableWelcomeMessage: true

  // The "migrate to Camunda 8" banner has no switch here: 7.24 shows it unconditionally, and
  // ../../branding/branding.css (imported by styles/user-styles.css) hides it.
};
