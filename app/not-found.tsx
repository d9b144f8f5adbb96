import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">There is nothing here, or it is not visible to you.</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline dark:text-brand-500">
        Back to the start
      </Link>
    </div>
  );
}
