export default defineBackground(() => {
  console.log('parley bg');
});
