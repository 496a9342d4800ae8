// The page's words in English and Ukrainian. The choice is kept in localStorage; switching reloads
// the page, so every string is drawn once in the chosen language. Place names and the values sent to
// the server (event types, statuses) stay as the data has them.
const KEY = 'incident-map.lang';
const WORDS = {
  en: {
    title: 'Incident map', type: 'Type', all: 'all', status: 'Status', killedAtLeast: 'Killed at least', from: 'From', to: 'To',
    upTo: 'Up to', today: 'today', play: 'Play back', download: 'Download this view:', connecting: 'connecting…',
    live: 'live', reconnecting: 'reconnecting…', switchTo: 'Українською', searchPlaceholder: 'Find a place',
    searchLabel: 'Go to a place', region: 'oblast', placesFound: '{n} places found, arrows to choose, Enter to go',
    noPlaces: 'No place found', searchUnavailable: 'Place search is unavailable; try again shortly', placeChosen: 'Map moved to {name}',
    counters: '{incidents} incidents · {killed} killed · {injured} injured in view',
    atLeast: 'at least {n}', unknown: 'unknown', killed: 'Killed', injured: 'Injured', sources: 'Sources', claims: 'Claims',
    history: 'History', loading: 'loading…', none: 'none', unavailable: 'unavailable',
    claim: '{claimant}: killed {killed}, injured {injured}', cellIncidents: '{n} incidents', withoutFigure: '({n} without a figure)',
    zoomIn: 'Zoom in', legendType: 'Event type', legendSize: 'Circle size: people killed',
    legendCells: 'Zoomed out (below {z}): incidents grouped, size by number', legendFresh: 'Arrived live in the last minute',
    keys: 'Keyboard: / finds a place; Tab to the map, arrows pan, + and − zoom, Enter opens the incident at the centre; Tab on to the filters, Home, End and arrows move the day slider.',
    queueToggle: 'Review queue', queueTitle: 'Review queue', queueToken: 'Editor token', queueTokenPlaceholder: 'editor token (JWT)',
    queueLoad: 'Load the queue', queueEmpty: 'No candidate waits for review.', queueCount: '{n} waiting on this page{more}', queueMore: ', more after it',
    queueNew: 'New incident', queueUpdate: 'Update of a stored incident', queueStored: 'Stored now: killed {killed}, injured {injured} (version {version})',
    queueOutlet: 'Outlet', queueItem: 'Item', queueFeed: 'Feed', queueAttribution: 'Attribution', queuePublished: 'Published',
    queuePasted: 'pasted report', queuePlaceUnresolved: 'place unresolved', queueDateUnknown: 'date unknown', queueTypeUnknown: 'event type unknown',
    queueConfidence: 'Confidence: {n}%', queueEvidence: 'Report text, evidence highlighted',
    queueAccept: 'Accept', queueCorrect: 'Correct', queueReject: 'Reject', queueSkip: 'Skip',
    queueSaveCorrected: 'Accept as corrected', queueCancel: 'Cancel', queueReason: 'Reason (optional)',
    queuePlace: 'Place', queueLatitude: 'Latitude', queueLongitude: 'Longitude', queueDate: 'Date', queueKilledAtLeastBox: 'at least',
    queueAccepted: 'Accepted: {action} incident {id}', queueRejected: 'Rejected', queueSkipped: 'Skipped; it stays in the queue',
    queueNotSignedIn: 'not signed in: paste a valid editor token', queueForbidden: 'this token may not do that (an editor token is needed)',
    queueFailed: 'the request failed',
    queueKeys: 'Keys while the queue is open (not while typing): A accept, C correct (Enter saves, Esc cancels), R reject, S skip, L reload (the same physical keys on any layout).',
    types: {}, statuses: {}
  },
  uk: {
    title: 'Мапа інцидентів', type: 'Тип', all: 'усі', status: 'Статус', killedAtLeast: 'Загиблих щонайменше', from: 'Від', to: 'До',
    upTo: 'До дня', today: 'сьогодні', play: 'Відтворити', download: 'Завантажити цю область:', connecting: 'з’єднання…',
    live: 'наживо', reconnecting: 'повторне з’єднання…', switchTo: 'In English', searchPlaceholder: 'Знайти місце',
    searchLabel: 'Перейти до місця', region: 'область', placesFound: 'Знайдено місць: {n}; стрілки — вибір, Enter — перейти',
    noPlaces: 'Місце не знайдено', searchUnavailable: 'Пошук місць тимчасово недоступний; спробуйте трохи згодом', placeChosen: 'Мапу переміщено: {name}',
    counters: 'Інцидентів: {incidents} · загиблих: {killed} · поранених: {injured} у видимій області',
    atLeast: 'щонайменше {n}', unknown: 'невідомо', killed: 'Загиблі', injured: 'Поранені', sources: 'Джерела', claims: 'Заяви',
    history: 'Історія', loading: 'завантаження…', none: 'немає', unavailable: 'недоступно',
    claim: '{claimant}: загиблих {killed}, поранених {injured}', cellIncidents: 'Інцидентів: {n}', withoutFigure: '(без даних: {n})',
    zoomIn: 'Наблизити', legendType: 'Тип події', legendSize: 'Розмір кола: кількість загиблих',
    legendCells: 'Віддалено (до масштабу {z}): інциденти згруповано, розмір за кількістю', legendFresh: 'Надійшло наживо за останню хвилину',
    keys: 'Клавіатура: / — пошук місця; Tab до мапи, стрілки — зсув, + і − — масштаб, Enter відкриває інцидент у центрі; далі Tab до фільтрів, Home, End і стрілки рухають повзунок днів.',
    queueToggle: 'Черга перевірки', queueTitle: 'Черга перевірки', queueToken: 'Токен редактора', queueTokenPlaceholder: 'токен редактора (JWT)',
    queueLoad: 'Завантажити чергу', queueEmpty: 'Немає кандидатів, що чекають на перевірку.', queueCount: 'На цій сторінці чекають: {n}{more}', queueMore: ', далі є ще',
    queueNew: 'Новий інцидент', queueUpdate: 'Оновлення збереженого інциденту', queueStored: 'Збережено зараз: загиблих {killed}, поранених {injured} (версія {version})',
    queueOutlet: 'Видання', queueItem: 'Допис', queueFeed: 'Стрічка', queueAttribution: 'Атрибуція', queuePublished: 'Опубліковано',
    queuePasted: 'вставлене повідомлення', queuePlaceUnresolved: 'місце не визначено', queueDateUnknown: 'дата невідома', queueTypeUnknown: 'тип події невідомий',
    queueConfidence: 'Упевненість: {n}%', queueEvidence: 'Текст повідомлення, докази виділено',
    queueAccept: 'Прийняти', queueCorrect: 'Виправити', queueReject: 'Відхилити', queueSkip: 'Пропустити',
    queueSaveCorrected: 'Прийняти з виправленнями', queueCancel: 'Скасувати', queueReason: 'Причина (необов’язково)',
    queuePlace: 'Місце', queueLatitude: 'Широта', queueLongitude: 'Довгота', queueDate: 'Дата', queueKilledAtLeastBox: 'щонайменше',
    queueAccepted: 'Прийнято: {action}, інцидент {id}', queueRejected: 'Відхилено', queueSkipped: 'Пропущено; кандидат лишається в черзі',
    queueNotSignedIn: 'вхід не виконано: вставте чинний токен редактора', queueForbidden: 'цей токен не дає такого права (потрібен токен редактора)',
    queueFailed: 'запит не вдався',
    queueKeys: 'Клавіші, коли черга відкрита (не під час введення тексту): A — прийняти, C — виправити (Enter зберігає, Esc скасовує), R — відхилити, S — пропустити, L — оновити. Діють ті самі фізичні клавіші за будь-якої розкладки.',
    types: {
      'Explosions/Remote violence': 'Вибухи/дистанційне насильство', 'Battles': 'Бойові зіткнення',
      'Violence against civilians': 'Насильство проти цивільних', 'Strategic developments': 'Стратегічні події',
      'Protests': 'Протести', 'Riots': 'Заворушення'
    },
    statuses: { reported: 'повідомлено', verified: 'підтверджено', disputed: 'оскаржено', retracted: 'відкликано' }
  }
};

export const lang = localStorage.getItem(KEY) === 'uk' ? 'uk' : 'en';
const words = WORDS[lang];

/** The phrase {@code key} with its {name} slots filled from {@code values}. */
export function t(key, values = {}) {
  return words[key].replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
}
export function typeName(type) { return words.types[type] || type; }
export function statusName(status) { return words.statuses[status] || status; }

/** Writes the words of the static page (elements with data-i18n, options and labels of the selects). */
export function translatePage() {
  document.documentElement.lang = lang;
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  document.querySelectorAll('#f-status option[value=""], #f-type option[value=""]').forEach(o => { o.textContent = t('all'); });
  document.querySelectorAll('#f-status option:not([value=""])').forEach(o => { o.textContent = statusName(o.value); });
  document.getElementById('lang').lang = lang === 'uk' ? 'en' : 'uk';
}

export function switchLanguage() {
  localStorage.setItem(KEY, lang === 'uk' ? 'en' : 'uk');
  location.reload();
}
