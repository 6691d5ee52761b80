// The Welcome app's (profile page's) configuration for the STZA–ZBRA technology exchange programme.
//
// This file replaces app/welcome/scripts/config.js of camunda-webapp-webjar 7.24.0 (whose options are
// all commented out): the application's own resources come before the webjar on the classpath, so
// Spring Boot serves this one.
export default {
  // The header and the browser tab show "<vendor> <name>"; the login page shows the name.
  app: {
    name: 'STZA–ZBRA Technology Exchange',
    vendor: 'Approval service'
  },

  // As in the Tasklist: the browser's first preferred language picks zh.json or en.json.
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },

  // The login page's "Welcome to Camunda" box links to the vendor's /camunda-welcome page.
  disableWelcomeMessage: true

  // The "migrate to Camunda 8" banner has no switch here: 7.24 shows it unconditionally, and
  // ../../branding/branding.css (imported by styles/user-styles.css) hides it.
};
