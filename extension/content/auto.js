// The entry of the bundle auto-declutter registers (content-auto.js) on the
// sites the user chose and granted: the content script, which then
// collapses the page's promo and related blocks on arrival.
import { start } from "./start.js";

start().toggle("auto");
