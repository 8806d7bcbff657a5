// Loaded last by the auto-declutter registration (sites the user chose and
// granted): collapses the page's promo and related blocks on arrival.
globalThis.declutterPage.toggle("auto");
