// PLACEHOLDER: public survey page (acceptance module)
export default function Page() {
  return null;
}
