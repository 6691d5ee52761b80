// The Tasklist's languages (config.js: locales.availableLocales), loaded through config.js
// customScripts after the Tasklist's AngularJS module is defined and before it starts.
//
// 1. A language link in the header ("中文" / "English") and on the login page. Camunda 7.24 has no
//    language menu: it takes the first of the browser's preferred languages. The link switches at once
//    and remembers the choice in this browser (localStorage); without a choice the browser decides.
//
// 2. Relative dates ("in 10 days", "3 hours ago") in the language in use. Each locale file's
//    dateLocales becomes moment's global locale when the file arrives, and the Tasklist loads the
//    user's language and the fallback (en) at the same time: on a first visit, when nothing is cached
//    yet, whichever arrives last wins, and Chinese labels came with English dates. After every locale
//    file, moment is set back to the language in use.

const angular = window.angular;
const STORAGE_KEY = 'pkcn.exchange.tasklist.language';
const conf = window.camTasklistConf || {};
const available = (conf.locales && conf.locales.availableLocales) || ['en'];
// Each language's name in that language, as language menus show it.
const NAMES = { en: 'English', zh: '中文' };

function storedChoice() {
  try {
    const choice = window.localStorage.getItem(STORAGE_KEY);
    return available.indexOf(choice) >= 0 ? choice : null;
  } catch (e) {
    return null;
  }
}

function remember(language) {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch (e) {
    // private mode or storage disabled: the switch still works for this page
  }
}

const tasklist = angular.module('cam.tasklist');

// Runs after the Tasklist's own translation config, so a remembered choice wins over the browser's.
tasklist.config(['$translateProvider', function ($translateProvider) {
  const choice = storedChoice();
  if (choice) {
    $translateProvider.preferredLanguage(choice);
  }
}]);

tasklist.run(['$rootScope', '$translate', 'amMoment', function ($rootScope, $translate, amMoment) {
  function followTranslations() {
    const language = $translate.use() || $translate.proposedLanguage();
    if (language) {
      amMoment.changeLocale(language);
    }
  }
  $rootScope.$on('$translateLoadingEnd', followTranslations);
  $rootScope.$on('$translateChangeSuccess', followTranslations);
}]);

function renderLanguageLink(node) {
  const injector = angular.element(document.body).injector();
  const $translate = injector.get('$translate');
  const $rootScope = injector.get('$rootScope');

  function current() {
    return $translate.use() || $translate.proposedLanguage() || available[0];
  }
  function next() {
    return available[(available.indexOf(current()) + 1) % available.length];
  }

  const link = document.createElement('a');
  link.href = '';
  link.className = 'programme-language';
  const icon = document.createElement('span');
  icon.className = 'glyphicon glyphicon-globe';
  const name = document.createElement('span');
  name.className = 'programme-language-name';
  link.append(icon, ' ', name);

  function paint() {
    const language = next();
    name.textContent = NAMES[language] || language;
    link.lang = language;
    link.title = NAMES[language] || language;
  }

  link.addEventListener('click', function (event) {
    event.preventDefault();
    const language = next();
    remember(language);
    $rootScope.$applyAsync(function () {
      $translate.use(language);
    });
  });

  const stopPainting = $rootScope.$on('$translateChangeSuccess', paint);
  paint();
  node.appendChild(link);
  return stopPainting;
}

function languagePlugin(id, pluginPoint, priority) {
  let stop = null;
  return {
    id: id,
    pluginPoint: pluginPoint,
    priority: priority,
    render: function (node) {
      if (available.length > 1) {
        stop = renderLanguageLink(node);
      }
    },
    unmount: function () {
      if (stop) {
        stop();
        stop = null;
      }
    }
  };
}

export default [
  // last of the header's actions, just before the user's menu
  languagePlugin('programme-language', 'tasklist.navbar.action', -100),
  // below the login form
  languagePlugin('programme-language-login', 'tasklist.login', -100)
];
