import { LoadingBlock } from "@/components/ui/states";

export default function Loading() {
  return <LoadingBlock />;
}
