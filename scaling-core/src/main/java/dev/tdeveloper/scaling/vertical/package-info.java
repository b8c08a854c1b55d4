/**
 * VPA-style vertical recommendations: {@link dev.tdeveloper.scaling.vertical.VerticalRecommender}
 * keeps a {@link dev.tdeveloper.scaling.vertical.DecayingHistogram} of CPU usage and of daily
 * memory peaks per container and turns them into CPU and memory requests with lower and upper
 * bounds, as the Kubernetes Vertical Pod Autoscaler recommender does.
 */
package dev.tdeveloper.scaling.vertical;
