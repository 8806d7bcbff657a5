// The entry of the bundle the background injects on a click (content.js):
// the content script, waiting for the background's toggle message.
import { start } from "./start.js";

start();
