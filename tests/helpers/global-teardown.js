module.exports = async () => {
  if (globalThis.__wsisDropTemplate) await globalThis.__wsisDropTemplate();
};
