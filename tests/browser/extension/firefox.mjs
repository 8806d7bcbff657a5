export async function runFirefox() {}
