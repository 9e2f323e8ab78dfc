// PLACEHOLDER: parts catalogue and stock (stock module)
export default function Page() {
  return null;
}
