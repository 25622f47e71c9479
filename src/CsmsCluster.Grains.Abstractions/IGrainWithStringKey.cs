namespace CsmsCluster.Grains;

/// <summary>A grain whose identity is a string key (for example a charge point id).</summary>
public interface IGrainWithStringKey : IGrain;
