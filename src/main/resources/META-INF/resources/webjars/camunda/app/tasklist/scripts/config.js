// The Tasklist's configuration for the STZA–ZBRA technology exchange programme.
//
// This file replaces app/tasklist/scripts/config.js of camunda-webapp-webjar 7.24.0: the application's
// own resources come before the webjar on the classpath, so Spring Boot serves this one. Anything the
// webjar's file set (the keyboard shortcuts below) must be kept here. Options: see the webjar's file and
// https://docs.camunda.org/manual/7.24/webapps/
export default {
  // The header and the browser tab show "<vendor> <name>"; the login page shows the name.
  app: {
    name: 'STZA–ZBRA Technology Exchange',
    vendor: 'Approval service'
  },

  // ZBRA's reviewers read Chinese. By default the Tasklist takes the first of the browser's preferred
  // languages (zh, zh-CN, zh-TW, ... give locales/zh.json; anything else locales/en.json); the
  // language link of scripts/programme-language.js lets a user choose instead.
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },

  // The language link in the header and on the login page, and dates in the language in use
  customScripts: ['scripts/programme-language'],

  // The login page's "Welcome to Camunda" box links to the vendor's /camunda-welcome page.
  disableWelcomeMessage: true,

  // The "migrate to Camunda 8" banner has no switch here: 7.24 shows it unconditionally, and
  // ../../branding/branding.css (imported by styles/user-styles.css) hides it.

  // Kept from the webjar's config.js
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
