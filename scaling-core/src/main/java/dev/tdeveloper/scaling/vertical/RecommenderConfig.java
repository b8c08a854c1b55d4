package dev.tdeveloper.scaling.vertical;

import java.time.Duration;

/** The validated settings of a {@link VerticalRecommender}; built by its builder. */
record RecommenderConfig(
    Duration halfLife,
    Duration memoryAggregationInterval,
    double lowerPercentile,
    double targetPercentile,
    double upperPercentile,
    double safetyMargin,
    double minCpuCores,
    double minMemoryBytes,
    double oomMinBumpBytes,
    double oomBumpRatio,
    int maxContainersPerWorkload,
    int maxWorkloads) {}
