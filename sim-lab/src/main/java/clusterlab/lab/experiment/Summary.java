package clusterlab.lab.experiment;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Statistics of one metric at one grid point, over the runs where it has a value (NaN values are
 * counted as missing): n, mean, median and 95th percentile (Commons Math's default percentile
 * estimate: position p(n+1), interpolated, clamped to the extremes), and the 95% confidence
 * interval of the mean from Student's t with n-1 degrees of freedom (NaN below two values).
 */
public record Summary(int n, int missing, double mean, double median, double p95, double ciLow, double ciHigh) {
    public static Summary of(double[] values) {
        DescriptiveStatistics stats = new DescriptiveStatistics();
        int missing = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                missing++;
            } else {
                stats.addValue(v);
            }
        }
        int n = (int) stats.getN();
        if (n == 0) {
            return new Summary(0, missing, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = stats.getMean();
        double low = Double.NaN;
        double high = Double.NaN;
        if (n >= 2) {
            // No random generator: the distribution is only used for its quantile function.
            double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
            double half = t * stats.getStandardDeviation() / Math.sqrt(n);
            low = mean - half;
            high = mean + half;
        }
        return new Summary(n, missing, mean, stats.getPercentile(50), stats.getPercentile(95), low, high);
    }
}
