// PLACEHOLDER: tools register (site-work module)
export default function Page() {
  return null;
}
