// The welcome page: fills in the shortcuts as the browser has them set
// (commands.getAll), and where one is unset, says where to set it.
import { api } from "../lib/api.js";

const isFirefox = api.runtime.getURL("").startsWith("moz-extension:");
const WHERE = isFirefox
  ? "in Firefox, open about:addons, then the gear menu, then Manage Extension Shortcuts."
  : "in Chromium and Chrome, open chrome://extensions/shortcuts.";

async function shortcuts() {
  const commands = await api.commands.getAll();
  const list = document.getElementById("shortcuts");
  let unset = 0;
  list.replaceChildren(
    ...commands
      .filter((c) => c.description)
      .sort((a, b) => a.name.localeCompare(b.name) * -1)
      .map((c) => {
        const li = document.createElement("li");
        if (c.shortcut) {
          const kbd = document.createElement("kbd");
          kbd.textContent = c.shortcut;
          li.append(kbd, ` ${c.description}`);
        } else {
          unset++;
          li.append(`${c.description}: not set`);
        }
        li.dataset.command = c.name;
        return li;
      }),
  );
  document.getElementById("set-shortcuts").textContent = (unset ? "To set the shortcuts that are not set, or change any: " : "To change them: ") + WHERE;
}

document.getElementById("options").addEventListener("click", (e) => {
  e.preventDefault();
  api.runtime.openOptionsPage();
});
shortcuts();
