import { REGIONS } from "@/lib/subprocessors/catalog";
import { ChoiceGrid } from "./choice-grid";

const MAIN_REGIONS = REGIONS.filter((region) => !("within" in region));
const EEA_COUNTRIES = REGIONS.filter((region) => "within" in region);

const options = (regions: readonly { code: string; label: string }[]) =>
  regions.map((region) => ({ value: region.code, label: region.label }));

/** Regions first, then the EEA's countries folded away for vendors that name one. */
export function RegionPicker(props: {
  legend: string;
  name: string;
  values: string[];
  onChange: (values: string[]) => void;
  error?: string;
  description?: string;
}) {
  const countriesChosen = EEA_COUNTRIES.filter((region) => props.values.includes(region.code));
  return (
    <ChoiceGrid
      legend={props.legend}
      name={props.name}
      options={options(MAIN_REGIONS)}
      values={props.values}
      onChange={props.onChange}
      error={props.error}
      description={props.description}
      extra={
        <details className="region-countries" open={countriesChosen.length > 0}>
          <summary>
            EEA countries
            {countriesChosen.length > 0 ? ` (${countriesChosen.length} chosen)` : ""}
          </summary>
          <div className="choice-grid">
            {EEA_COUNTRIES.map((region) => (
              <label key={region.code} className="choice">
                <input
                  type="checkbox"
                  name={props.name}
                  value={region.code}
                  checked={props.values.includes(region.code)}
                  onChange={(event) =>
                    props.onChange(
                      event.target.checked
                        ? [...props.values, region.code]
                        : props.values.filter((code) => code !== region.code),
                    )
                  }
                />
                <span>{region.label}</span>
              </label>
            ))}
          </div>
        </details>
      }
    />
  );
}
